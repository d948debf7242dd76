/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See copro-invitation.h. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "copro-contact.h"
#include "copro-history.h"
#include "copro-invitation.h"
#include "copro-partner.h"

CoproInviteReason
copro_invitation_reason_for (CoproRecord *partner)
{
  const char *email;

  g_return_val_if_fail (COPRO_IS_RECORD (partner), COPRO_INVITE_NO_EMAIL);

  email = copro_record_get_string (partner, "email");
  if (!copro_email_looks_valid (email))
    return COPRO_INVITE_NO_EMAIL;
  if (copro_partner_is_withdrawn (partner))
    return COPRO_INVITE_WITHDRAWN;
  switch (copro_partner_get_lawful_basis_state (partner))
    {
    case COPRO_LAWFUL_BASIS_MISSING:
      return COPRO_INVITE_NO_LAWFUL_BASIS;
    case COPRO_LAWFUL_BASIS_CONSENT_UNDATED:
      return COPRO_INVITE_CONSENT_UNDATED;
    case COPRO_LAWFUL_BASIS_RECORDED:
    default:
      return COPRO_INVITE_INCLUDED;
    }
}

CoproInvitation *
copro_invitation_new (GPtrArray *partners)
{
  CoproInvitation *self;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (partners != NULL, NULL);

  self = g_new0 (CoproInvitation, 1);
  self->included = g_ptr_array_new_with_free_func (g_object_unref);
  self->addresses = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < partners->len; i++)
    {
      CoproRecord *partner = g_ptr_array_index (partners, i);
      CoproInviteReason reason = copro_invitation_reason_for (partner);
      g_autofree char *address = NULL;
      char *folded;

      if (reason != COPRO_INVITE_INCLUDED)
        {
          self->n_excluded[reason]++;
          continue;
        }
      g_ptr_array_add (self->included, g_object_ref (partner));
      address = g_strstrip (g_strdup (copro_record_get_string (partner, "email")));
      folded = g_utf8_casefold (address, -1);
      /* Two partners at one address (a shared office inbox): one copy. */
      if (g_hash_table_add (seen, folded))
        g_ptr_array_add (self->addresses, g_steal_pointer (&address));
    }
  return self;
}

void
copro_invitation_free (CoproInvitation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->included, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_free (self);
}

guint
copro_invitation_get_n_excluded (CoproInvitation *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = COPRO_INVITE_INCLUDED + 1; i < COPRO_INVITE_N_REASONS; i++)
    n += self->n_excluded[i];
  return n;
}

char *
copro_invitation_dup_excluded_text (CoproInvitation *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = COPRO_INVITE_INCLUDED + 1; i < COPRO_INVITE_N_REASONS; i++)
    {
      guint n = self->n_excluded[i];
      g_autofree char *sentence = NULL;

      if (n == 0)
        continue;
      switch ((CoproInviteReason) i)
        {
        case COPRO_INVITE_NO_EMAIL:
          sentence = g_strdup_printf (ngettext ("%'u partner has no usable email address.",
                                                "%'u partners have no usable email address.", n), n);
          break;
        case COPRO_INVITE_WITHDRAWN:
          sentence = g_strdup_printf (ngettext ("%'u partner has withdrawn.",
                                                "%'u partners have withdrawn.", n), n);
          break;
        case COPRO_INVITE_NO_LAWFUL_BASIS:
          sentence = g_strdup_printf (ngettext ("%'u partner has no lawful basis recorded for contact.",
                                                "%'u partners have no lawful basis recorded for contact.", n), n);
          break;
        case COPRO_INVITE_CONSENT_UNDATED:
          sentence = g_strdup_printf (ngettext ("%'u partner gave consent on no recorded date.",
                                                "%'u partners gave consent on no recorded date.", n), n);
          break;
        case COPRO_INVITE_INCLUDED:
        case COPRO_INVITE_N_REASONS:
        default:
          g_assert_not_reached ();
        }
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* RFC 6068: an address may keep what "addr-spec" allows outside "%", "?",
 * "#", "&" and ","; everything else is percent-encoded. */
#define MAILTO_ADDRESS_ALLOWED "!$'()*+;=:@"

char *
copro_invitation_dup_mailto (CoproInvitation *self,
                             const char      *subject)
{
  g_autoptr(GString) uri = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->addresses->len == 0)
    return NULL;
  uri = g_string_new ("mailto:?bcc=");
  for (guint i = 0; i < self->addresses->len; i++)
    {
      if (i > 0)
        g_string_append_c (uri, ',');
      g_string_append_uri_escaped (uri, g_ptr_array_index (self->addresses, i), MAILTO_ADDRESS_ALLOWED, FALSE);
    }
  if (subject != NULL && *subject != '\0')
    {
      g_string_append (uri, "&subject=");
      g_string_append_uri_escaped (uri, subject, NULL, FALSE);
    }
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

gboolean
copro_invitation_mailto_fits (const char *uri)
{
  return uri != NULL && strlen (uri) <= COPRO_MAILTO_MAX_LENGTH;
}

char *
copro_invitation_dup_address_list (CoproInvitation *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->addresses->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_ptr_array_index (self->addresses, i));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

guint
copro_invitation_log (CoproInvitation *self,
                      const char      *date,
                      const char      *made_by,
                      const char      *summary,
                      const char      *activity)
{
  CoproHistory *history;

  g_return_val_if_fail (self != NULL, 0);

  if (self->included->len == 0)
    return 0;
  history = copro_history_get_for_record (g_ptr_array_index (self->included, 0));
  if (history != NULL)
    copro_history_begin_group (history);
  for (guint i = 0; i < self->included->len; i++)
    copro_contact_log (g_ptr_array_index (self->included, i), date, "email", made_by, summary, activity);
  if (history != NULL)
    copro_history_end_group (history);
  return self->included->len;
}
