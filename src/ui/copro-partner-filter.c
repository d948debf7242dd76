/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner register's search and filters, in one GtkFilter. */

#include "config.h"

#include <string.h>

#include "copro-partner-filter.h"

struct _CoproPartnerFilter
{
  GtkFilter  parent_instance;

  char      *search;     /* as typed */
  char      *needle;     /* case-folded, or NULL when the search is empty */
  char      *sector;
  char      *level;
  char      *status;
  /* Partner → its searchable text, case-folded, built when first searched:
   * a search then costs one strstr() a partner. */
  GHashTable *texts;
};

G_DEFINE_FINAL_TYPE (CoproPartnerFilter, copro_partner_filter, GTK_TYPE_FILTER)

static const char * const search_keys[] = { "name", "organisation", "role", "notes" };

static const char *
get_search_text (CoproPartnerFilter *self,
                 CoproRecord        *partner)
{
  char *text = g_hash_table_lookup (self->texts, partner);

  if (text == NULL)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
        {
          /* A line feed between fields: no search spans two of them. */
          if (i > 0)
            g_string_append_c (joined, '\n');
          g_string_append (joined, copro_record_get_string (partner, search_keys[i]));
        }
      text = g_utf8_casefold (joined->str, (gssize) joined->len);
      g_hash_table_insert (self->texts, g_object_ref (partner), text);
    }
  return text;
}

static gboolean
matches_search (CoproPartnerFilter *self,
                CoproRecord        *partner)
{
  return strstr (get_search_text (self, partner), self->needle) != NULL;
}

static gboolean
copro_partner_filter_match (GtkFilter *filter,
                            gpointer   item)
{
  CoproPartnerFilter *self = COPRO_PARTNER_FILTER (filter);
  CoproRecord *partner = item;

  if (!COPRO_IS_RECORD (partner))
    return FALSE;
  if (self->sector != NULL && g_strcmp0 (copro_record_get_string (partner, "sector"), self->sector) != 0)
    return FALSE;
  if (self->level != NULL && g_strcmp0 (copro_record_get_string (partner, "level"), self->level) != 0)
    return FALSE;
  if (self->status != NULL && g_strcmp0 (copro_record_get_string (partner, "status"), self->status) != 0)
    return FALSE;
  if (self->needle != NULL && !matches_search (self, partner))
    return FALSE;
  return TRUE;
}

static GtkFilterMatch
copro_partner_filter_get_strictness (GtkFilter *filter)
{
  CoproPartnerFilter *self = COPRO_PARTNER_FILTER (filter);

  return copro_partner_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
copro_partner_filter_finalize (GObject *object)
{
  CoproPartnerFilter *self = COPRO_PARTNER_FILTER (object);

  g_free (self->search);
  g_free (self->needle);
  g_free (self->sector);
  g_free (self->level);
  g_free (self->status);
  g_hash_table_unref (self->texts);

  G_OBJECT_CLASS (copro_partner_filter_parent_class)->finalize (object);
}

static void
copro_partner_filter_class_init (CoproPartnerFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = copro_partner_filter_finalize;
  filter_class->match = copro_partner_filter_match;
  filter_class->get_strictness = copro_partner_filter_get_strictness;
}

static void
copro_partner_filter_init (CoproPartnerFilter *self)
{
  self->search = g_strdup ("");
  self->texts = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
}

CoproPartnerFilter *
copro_partner_filter_new (void)
{
  return g_object_new (COPRO_TYPE_PARTNER_FILTER, NULL);
}

const char *
copro_partner_filter_get_search (CoproPartnerFilter *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_FILTER (self), NULL);

  return self->search;
}

void
copro_partner_filter_set_search (CoproPartnerFilter *self,
                                 const char         *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  GtkFilterChange change;

  g_return_if_fail (COPRO_IS_PARTNER_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->search))
    return;
  g_free (self->search);
  self->search = g_strdup (text);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped != '\0')
    needle = g_utf8_casefold (stripped, -1);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
copro_partner_filter_set_field (CoproPartnerFilter *self,
                                const char         *key,
                                const char         *value)
{
  char **slot;
  GtkFilterChange change;

  g_return_if_fail (COPRO_IS_PARTNER_FILTER (self));
  g_return_if_fail (key != NULL);

  if (g_str_equal (key, "sector"))
    slot = &self->sector;
  else if (g_str_equal (key, "level"))
    slot = &self->level;
  else if (g_str_equal (key, "status"))
    slot = &self->status;
  else
    g_return_if_reached ();

  if (g_strcmp0 (*slot, value) == 0)
    return;
  if (*slot == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (value == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (*slot);
  *slot = g_strdup (value);
  gtk_filter_changed (GTK_FILTER (self), change);
}

gboolean
copro_partner_filter_is_active (CoproPartnerFilter *self)
{
  g_return_val_if_fail (COPRO_IS_PARTNER_FILTER (self), FALSE);

  return self->needle != NULL || self->sector != NULL || self->level != NULL || self->status != NULL;
}

void
copro_partner_filter_forget (CoproPartnerFilter *self,
                             CoproRecord        *partner)
{
  g_return_if_fail (COPRO_IS_PARTNER_FILTER (self));

  if (partner != NULL)
    g_hash_table_remove (self->texts, partner);
  else
    g_hash_table_remove_all (self->texts);
}
