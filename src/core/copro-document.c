/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CoproDocument: one project file. Reading validates everything before the
 * user sees anything, so a bad file is refused with one sentence saying what
 * is wrong and where, and never half-loaded. Saving is atomic.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "copro-document-private.h"
#include "copro-error.h"
#include "copro-fast-json-private.h"
#include "copro-list.h"
#include "copro-model.h"
#include "copro-record-private.h"

struct _CoproDocument
{
  GObject      parent_instance;

  CoproRecord *project;
  GFile       *file;
  char        *read_only_reason;
  gboolean     newer_format;   /* read-only for good: never written, not even elsewhere */
  char        *etag;      /* of the file as last read or written, to notice other writers */
  int          format_version;
  guint64      change_count;
  gboolean     modified;
};

G_DEFINE_FINAL_TYPE (CoproDocument, copro_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (copro-error-quark, copro_error)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_project_changed_cb (CoproRecord   *project,
                       CoproRecord   *origin,
                       const char    *key,
                       CoproDocument *self)
{
  self->change_count++;
  copro_document_set_modified (self, TRUE);
  if (g_strcmp0 (key, "title") == 0 &&
      origin == copro_record_get_record (self->project, "overview"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_project (CoproDocument *self,
             CoproRecord   *project)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed_cb, self);
  g_set_object (&self->project, project);
  g_signal_connect_object (self->project, "changed",
                           G_CALLBACK (on_project_changed_cb), self, 0);
}

static void
copro_document_dispose (GObject *object)
{
  CoproDocument *self = COPRO_DOCUMENT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (copro_document_parent_class)->dispose (object);
}

static void
copro_document_finalize (GObject *object)
{
  CoproDocument *self = COPRO_DOCUMENT (object);

  g_free (self->read_only_reason);
  g_free (self->etag);

  G_OBJECT_CLASS (copro_document_parent_class)->finalize (object);
}

static void
copro_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CoproDocument *self = COPRO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only_reason != NULL);
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;
    case PROP_TITLE:
      g_value_take_string (value, copro_document_dup_display_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CoproDocument *self = COPRO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      copro_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      copro_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copro_document_class_init (CoproDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = copro_document_dispose;
  object_class->finalize = copro_document_finalize;
  object_class->get_property = copro_document_get_property;
  object_class->set_property = copro_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COPRO_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
copro_document_init (CoproDocument *self)
{
  self->format_version = COPRO_FORMAT_VERSION;
}

CoproDocument *
copro_document_new (void)
{
  CoproDocument *self = g_object_new (COPRO_TYPE_DOCUMENT, NULL);
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);

  set_project (self, project);
  return self;
}

/* Reading */

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* json-glib's description may quote the offending token, which can hold
 * line breaks or run for pages: keep the sentence on one short line. */
static char *
tidy_parser_message (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 80; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (n == 80)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/*
 * Reading is strict JSON (RFC 8259). json-glib's parser, the reference
 * reader, also takes what is not JSON, measured with json-glib 1.10.6:
 * 'single-quoted' names and text, block comments, raw control characters in
 * text, unknown escapes ("\q" reads as "q", "\0" as nothing), a second
 * byte-order mark, and several values one after another, which it reads as a
 * list. So before json-glib sees the text, this checks all of it and says,
 * in one sentence with a line and column, what is not JSON. It also refuses
 * what json-glib reads but cannot write back: a null character ("\u0000")
 * or half of a character ("\ud800") becomes broken or cut text, a whole
 * number beyond 64 bits wraps round and a number beyond a double becomes
 * "inf"; and it refuses nesting deeper than COPRO_MAX_DEPTH before json-glib,
 * which recurses, reads it. The fast path (copro-fast-json.c) reads only
 * what passes here, and gives way to this at anything else, so a file is
 * refused with the same sentence whichever path it took.
 */

typedef enum
{
  WANT_ROOT,           /* the document's value */
  WANT_NAME_OR_CLOSE,  /* after "{" */
  WANT_NAME,           /* after "," in an object */
  WANT_COLON,
  WANT_VALUE,          /* after ":" */
  WANT_ITEM_OR_CLOSE,  /* after "[" */
  WANT_ITEM,           /* after "," in a list */
  WANT_COMMA_OR_CLOSE, /* after a value in an object or a list */
  WANT_END,            /* after the document's value */
} Want;

/* A syntax error: @what is wrong at @at. */
static gboolean
refuse (GError     **error,
        const char  *data,
        const char  *at,
        const char  *what)
{
  guint line, column;

  offset_to_line_column (data, (gsize) (at - data), &line, &column);
  /* TRANSLATORS: the last %s says what is wrong, e.g. "JSON does not allow comments" */
  g_set_error (error, COPRO_ERROR, COPRO_ERROR_SYNTAX, _("The file is not valid JSON at line %u, column %u: %s."),
               line, column, what);
  return FALSE;
}

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

/* The token at @p for a message: a word or number whole (“hello”, “0x1F”),
 * another character in quotes, or U+XXXX for one that does not show. */
static char *
describe_token (const char *p,
                const char *end)
{
  gunichar c = g_utf8_get_char (p);
  const char *q = p;

  if (is_word_char (*p))
    {
      while (q < end && is_word_char (*q) && q - p < 40)
        q++;
      return g_strdup_printf ("“%.*s%s”", (int) (q - p), p, q < end && is_word_char (*q) ? "…" : "");
    }
  if (g_unichar_isgraph (c))
    return g_strdup_printf ("“%.*s”", (int) (g_utf8_next_char (p) - p), p);
  return g_strdup_printf ("U+%04X", c);
}

/* Text in double quotes at *@p; on success *@p is after it. */
static gboolean
check_string (const char  *data,
              const char **pp,
              const char  *end,
              GError     **error)
{
  const char *p = *pp + 1;

  for (;;)
    {
      int code, low;

      while (p < end && (guchar) *p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p == end || (*p == '\\' && p + 1 == end))
        return refuse (error, data, *pp,
                       _("the text that starts here has no closing double quote"));
      if (*p == '"')
        {
          *pp = p + 1;
          return TRUE;
        }
      if (*p == '\n' || *p == '\r')
        return refuse (error, data, p,
                       _("a line break inside text must be written as \\n"));
      if (*p == '\t')
        return refuse (error, data, p,
                       _("a tab inside text must be written as \\t"));
      if (*p != '\\')
        {
          g_autofree char *what =
            /* TRANSLATORS: %04x is the character's code, e.g. \u001f */
            g_strdup_printf (_("a control character inside text must be written as \\u%04x"), (guint) *p);

          return refuse (error, data, p, what);
        }

      switch (p[1])
        {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          p += 2;
          continue;
        case 'u':
          break;
        default:
          return refuse (error, data, p,
                         _("a backslash inside text must be followed by one of \" \\ / b f n r t u"));
        }

      code = _copro_json_hex4 (p + 2, end);
      if (code < 0)
        return refuse (error, data, p,
                       _("“\\u” must be followed by four hexadecimal digits"));
      if (code == 0)
        {
          guint line, column;

          offset_to_line_column (data, (gsize) (p - data), &line, &column);
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_ENCODING,
                       _("The file holds a null character, written “\\u0000”, at line %u, column %u; a project cannot keep one."),
                       line, column);
          return FALSE;
        }
      low = -1;
      if (code >= 0xD800 && code <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u')
        low = _copro_json_hex4 (p + 8, end);
      if (code >= 0xD800 && code <= 0xDFFF && (low < 0xDC00 || low > 0xDFFF))
        {
          guint line, column;

          offset_to_line_column (data, (gsize) (p - data), &line, &column);
          /* TRANSLATORS: %.6s is an escape such as \ud800 */
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_ENCODING,
                       _("The file holds half of a Unicode character, written “%.6s”, at line %u, column %u; a project cannot keep it."),
                       p, line, column);
          return FALSE;
        }
      p += low >= 0 ? 12 : 6;
    }
}

/* A number at *@p (a digit or "-"); on success *@p is after it. */
static gboolean
check_number (const char  *data,
              const char **pp,
              const char  *end,
              GError     **error)
{
  const char *start = *pp;
  const char *p = start;
  const char *what = NULL;

  if (*p == '-')
    p++;
  if (p == end || !g_ascii_isdigit (*p))
    what = end - p >= 8 && memcmp (p, "Infinity", 8) == 0 ?
           _("NaN and Infinity are not numbers in JSON") :
           _("a minus sign must be followed by a digit");
  else if (*p == '0' && end - p >= 2 && (p[1] == 'x' || p[1] == 'X'))
    what = _("JSON has no hexadecimal numbers");
  else if (*p == '0' && end - p >= 2 && g_ascii_isdigit (p[1]))
    what = _("a number cannot have leading zeros");
  else
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p < end && *p == '.')
        {
          p++;
          if (p == end || !g_ascii_isdigit (*p))
            what = _("a number must have a digit after its decimal point");
          while (p < end && g_ascii_isdigit (*p))
            p++;
        }
      if (what == NULL && p < end && (*p == 'e' || *p == 'E'))
        {
          p++;
          if (p < end && (*p == '+' || *p == '-'))
            p++;
          if (p == end || !g_ascii_isdigit (*p))
            what = _("a number must have digits in its exponent");
          while (p < end && g_ascii_isdigit (*p))
            p++;
        }
    }
  if (what != NULL)
    return refuse (error, data, start, what);
  if (!_copro_json_number_fits (start, (gsize) (p - start)))
    {
      guint line, column;

      offset_to_line_column (data, (gsize) (start - data), &line, &column);
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                   _("The number at line %u, column %u is too large to be kept exactly."),
                   line, column);
      return FALSE;
    }
  *pp = p;
  return TRUE;
}

/* Says what is wrong with the token at @p, where @want was expected. */
static gboolean
refuse_token (const char  *data,
              const char  *p,
              const char  *end,
              Want         want,
              char         open,
              GError     **error)
{
  g_autofree char *token = describe_token (p, end);
  g_autofree char *what = NULL;
  gsize word = 0;

  while (p + word < end && is_word_char (p[word]))
    word++;

  if (*p == '\'')
    what = g_strdup (_("text must be in double quotes, not single quotes"));
  else if (*p == '#' || (*p == '/' && end - p >= 2 && (p[1] == '/' || p[1] == '*')))
    what = g_strdup (_("JSON does not allow comments"));
  else if (want == WANT_END)
    what = g_strdup (_("there is more after the end of the project"));
  else if (want == WANT_NAME_OR_CLOSE || want == WANT_NAME)
    what = word > 0 && !g_ascii_isdigit (*p) ?
           /* TRANSLATORS: %s is a word in quotes, e.g. “title” */
           g_strdup_printf (_("the member name %s must be in double quotes"), token) :
           /* TRANSLATORS: %s is what is there instead: a character or a word
            * in quotes, e.g. “,”, or a character's code, e.g. U+00A0 */
           g_strdup_printf (_("there is %s where a member name should be"), token);
  else if (want == WANT_COLON)
    what = g_strdup_printf (_("there is %s where a colon should be"), token);
  else if (want == WANT_COMMA_OR_CLOSE && open == '{')
    what = *p == '"' ?
           g_strdup (_("a comma is missing between two members")) :
           g_strdup_printf (_("there is %s where a comma or “}” should be"), token);
  else if (want == WANT_COMMA_OR_CLOSE)
    what = *p != '\0' && strchr ("\"{[-0123456789", *p) != NULL ?
           g_strdup (_("a comma is missing between two items")) :
           g_strdup_printf (_("there is %s where a comma or “]” should be"), token);
  else if (want == WANT_VALUE && (*p == ',' || *p == '}' || *p == ']'))
    what = g_strdup (_("a member has no value"));
  else if ((word == 3 && g_ascii_strncasecmp (p, "nan", 3) == 0) ||
           (word == 8 && g_ascii_strncasecmp (p, "infinity", 8) == 0))
    what = g_strdup (_("NaN and Infinity are not numbers in JSON"));
  else if (word > 0 && ((word == 4 && (g_ascii_strncasecmp (p, "true", 4) == 0 ||
                                       g_ascii_strncasecmp (p, "null", 4) == 0)) ||
                        (word == 5 && g_ascii_strncasecmp (p, "false", 5) == 0)))
    /* TRANSLATORS: %s is true, false or null as written, e.g. “TRUE” */
    what = g_strdup_printf (_("%s must be written in lower case"), token);
  else if (word > 0)
    what = g_strdup_printf (_("%s is not a value; text must be in double quotes"), token);
  else if (*p == '+')
    what = g_strdup (_("a number cannot start with “+”"));
  else if (*p == '.')
    what = g_strdup (_("a number must have a digit before its decimal point"));
  else
    what = g_strdup_printf (_("there is %s where a value should be"), token);

  return refuse (error, data, p, what);
}

static gboolean
check_strict_json (const char  *data,
                   gsize        length,
                   GError     **error)
{
  const char *p = data;
  const char *end = data + length;
  const char *comma = NULL;
  char open[COPRO_MAX_DEPTH];  /* "{" or "[" at each level */
  guint depth = 0;
  Want want = WANT_ROOT;

  for (;;)
    {
      char c;

      while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
      if (p == end)
        {
          if (want == WANT_END)
            return TRUE;
          if (want == WANT_ROOT)
            {
              g_set_error (error, COPRO_ERROR, COPRO_ERROR_EMPTY, _("The file is empty."));
              return FALSE;
            }
          return refuse (error, data, p,
                         open[depth - 1] == '{' ?
                         _("the file ends before the closing “}” of an object") :
                         _("the file ends before the closing “]” of a list"));
        }
      c = *p;

      switch (want)
        {
        case WANT_NAME_OR_CLOSE:
        case WANT_NAME:
          if (c == '"')
            {
              if (!check_string (data, &p, end, error))
                return FALSE;
              want = WANT_COLON;
              continue;
            }
          if (c == '}' && want == WANT_NAME)
            return refuse (error, data, comma,
                           _("there is a comma after the last member of an object"));
          if (c == '}')
            break;
          return refuse_token (data, p, end, want, open[depth - 1], error);

        case WANT_COLON:
          if (c != ':')
            return refuse_token (data, p, end, want, open[depth - 1], error);
          p++;
          want = WANT_VALUE;
          continue;

        case WANT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              comma = p++;
              want = open[depth - 1] == '{' ? WANT_NAME : WANT_ITEM;
              continue;
            }
          if (c == (open[depth - 1] == '{' ? '}' : ']'))
            break;
          return refuse_token (data, p, end, want, open[depth - 1], error);

        case WANT_END:
          return refuse_token (data, p, end, want, 0, error);

        case WANT_ROOT:
        case WANT_VALUE:
        case WANT_ITEM_OR_CLOSE:
        case WANT_ITEM:
        default:
          if (c == ']' && want == WANT_ITEM)
            return refuse (error, data, comma,
                           _("there is a comma after the last item of a list"));
          if (c == ']' && want == WANT_ITEM_OR_CLOSE)
            break;
          if (c == '{' || c == '[')
            {
              if (depth == COPRO_MAX_DEPTH)
                {
                  guint line, column;

                  offset_to_line_column (data, (gsize) (p - data), &line, &column);
                  g_set_error (error, COPRO_ERROR, COPRO_ERROR_TOO_DEEP,
                               _("The file nests lists and objects more than %d deep at line %u, column %u, so it is not a project."),
                               COPRO_MAX_DEPTH, line, column);
                  return FALSE;
                }
              open[depth++] = c;
              p++;
              want = c == '{' ? WANT_NAME_OR_CLOSE : WANT_ITEM_OR_CLOSE;
              continue;
            }
          if (c == '"')
            {
              if (!check_string (data, &p, end, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!check_number (data, &p, end, error))
                return FALSE;
            }
          else
            {
              gsize word = 0;

              while (p + word < end && is_word_char (p[word]))
                word++;
              if (!((word == 4 && (memcmp (p, "true", 4) == 0 || memcmp (p, "null", 4) == 0)) ||
                    (word == 5 && memcmp (p, "false", 5) == 0)))
                return refuse_token (data, p, end, want, depth > 0 ? open[depth - 1] : 0, error);
              p += word;
            }
          want = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
          continue;
        }

      /* A closing bracket, where one may be. */
      p++;
      depth--;
      want = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
    }
}

/* json-glib says "<data>:LINE:COL: Parse error: WHAT"; we say it in a sentence. */
static void
set_syntax_error (GError     **error,
                  const GError *json_error)
{
  const char *message = json_error->message;
  guint line = 0, column = 0;
  g_autofree char *what = NULL;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end = NULL;

      line = (guint) g_ascii_strtoull (message + 7, &end, 10);
      if (end != NULL && *end == ':')
        column = (guint) g_ascii_strtoull (end + 1, NULL, 10);
    }
  {
    const char *start = strstr (message, "Parse error: ");

    what = tidy_parser_message (start != NULL ? start + strlen ("Parse error: ") : message);
  }

  if (line > 0)
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_SYNTAX,
                 _("The file is not valid JSON at line %u, column %u: %s."), line, column, what);
  else
    g_set_error (error, COPRO_ERROR, COPRO_ERROR_SYNTAX,
                 _("The file is not valid JSON: %s."), what);
}

static gboolean
check_member_refs (CoproRecord  *project,
                   GHashTable   *ids,
                   GError      **error)
{
  CoproRecord *terms = copro_record_get_record (project, "terms_of_reference");
  CoproList *members = copro_record_get_list (terms, "members");

  for (guint i = 0; i < copro_list_get_n_items (members); i++)
    {
      const char *partner = copro_record_get_string (copro_list_get (members, i), "partner");
      g_autofree char *folded = NULL;

      if (partner == NULL)
        continue;
      folded = g_ascii_strdown (partner, -1);
      if (g_hash_table_lookup (ids, folded) != &copro_desc_partner)
        {
          g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                       _("The member “terms_of_reference.members[%u].partner” refers to the partner “%s”, who is not in the partner register."),
                       i, partner);
          return FALSE;
        }
    }
  return TRUE;
}

static CoproDocument *
document_new_for_project (CoproRecord *project,
                          gint64       version)
{
  CoproDocument *self = g_object_new (COPRO_TYPE_DOCUMENT, NULL);

  set_project (self, project);
  self->format_version = (int) MIN (version, G_MAXINT);
  self->newer_format = version > COPRO_FORMAT_VERSION;
  if (self->newer_format)
    self->read_only_reason =
      g_strdup_printf (_("This project was saved by a newer version of Coproduce (file format %d). "
                         "It is open read-only so that nothing this version does not understand is lost."),
                       self->format_version);
  return self;
}

/* The checks before any parser, which both paths need. */
static gboolean
check_text (const char **data,
            gsize       *length,
            GError     **error)
{
  const char *end = NULL;

  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
  if (*length == 0)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }
  if (*length > COPRO_MAX_FILE_SIZE)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, far larger than any project, so it was not opened."),
                   COPRO_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate_len (*data, *length, &end))
    {
      guint line, column;

      offset_to_line_column (*data, (gsize) (end - *data), &line, &column);
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_ENCODING,
                   _("The file is not UTF-8 text: the bytes at line %u, column %u are not valid."),
                   line, column);
      return FALSE;
    }
  return TRUE;
}

/* The fast path (copro-fast-json.c), after check_text(): NULL when it gives
 * up, which says nothing about whether the file is good. */
static CoproDocument *
new_from_text_fast (const char *data,
                    gsize       length)
{
  g_autoptr(CoproRecord) project = NULL;
  g_autoptr(GHashTable) ids = NULL;

  project = _copro_fast_read_project (data, length, &ids);
  if (project == NULL || !check_member_refs (project, ids, NULL))
    return NULL;
  return document_new_for_project (project, COPRO_FORMAT_VERSION);
}

/* json-glib's path, the reference, after check_text(). */
static CoproDocument *
new_from_text_reference (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CoproRecord) project = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GHashTable) ids = NULL;
  CoproReadContext context;
  static const char * const skip[] = { "format", "format_version", NULL };
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  gint64 version;

  if (!check_strict_json (data, length, error))
    return NULL;

  /* Should json-glib refuse text that passed the strict check (not seen in
   * the tests or the fuzzer), its own words are put in a sentence. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      set_syntax_error (error, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (node = json_object_get_member (json_node_get_object (root), "format")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), COPRO_FORMAT_NAME) != 0)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_NOT_PROJECT,
                   _("This is not a Coproduce project: it has no “format” member saying “%s”."),
                   COPRO_FORMAT_NAME);
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || (version = json_node_get_int (node)) < 1)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_INVALID,
                   _("The member “format_version” must be a whole number from 1 upwards."));
      return NULL;
    }

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context.ids = ids;
  path = g_string_new (NULL);
  project = copro_record_new (&copro_desc_project);
  if (!_copro_record_read_json (project, object, path, &context, skip, &local_error) ||
      !check_member_refs (project, ids, &local_error))
    {
      if (version > COPRO_FORMAT_VERSION)
        g_set_error (error, COPRO_ERROR, COPRO_ERROR_NEWER,
                     _("This project was saved by a newer version of Coproduce (file format %d) and cannot be opened here. %s"),
                     (int) version, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return document_new_for_project (project, version);
}

CoproDocument *
copro_document_new_from_data (const char  *data,
                              gsize        length,
                              GError     **error)
{
  CoproDocument *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (&data, &length, error))
    return NULL;
  self = new_from_text_fast (data, length);
  if (self != NULL)
    return self;
  return new_from_text_reference (data, length, error);
}

CoproDocument *
_copro_document_new_from_data_reference (const char  *data,
                                         gsize        length,
                                         GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (&data, &length, error))
    return NULL;
  return new_from_text_reference (data, length, error);
}

CoproDocument *
_copro_document_new_from_data_fast (const char *data,
                                    gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (&data, &length, NULL))
    return NULL;
  return new_from_text_fast (data, length);
}

CoproDocument *
copro_document_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *etag = NULL;
  CoproDocument *self;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a project file."), g_file_peek_path (file));
      return NULL;
    }
  /* Refused before reading, with the sentence copro_document_new_from_data()
   * gives (which must not be handed a length its data does not have). */
  if (g_file_info_get_size (info) > COPRO_MAX_FILE_SIZE)
    {
      g_set_error (error, COPRO_ERROR, COPRO_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, far larger than any project, so it was not opened."),
                   COPRO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* A local file is read in one go into a buffer of its size
   * (g_file_get_contents()); g_file_load_contents() reads in blocks into a
   * buffer it keeps enlarging, which on issue 14's 39 MB project cost
   * 30-45 ms more (README, "How fast"). The file is read, not mapped: a
   * mapped file on a shared drive that goes away while it is read stops the
   * process with SIGBUS. The etag is the one queried before reading: should
   * another program replace the file in between, saving reports a conflict
   * that is not one, never the other way round. Should the quick read fail,
   * GIO reads the file and says what is wrong in its own words. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_file_peek_path (file) != NULL &&
      g_file_info_get_etag (info) != NULL &&
      g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL))
    etag = g_strdup (g_file_info_get_etag (info));
  else if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, error))
    return NULL;

  self = copro_document_new_from_data (contents, length, error);
  if (self != NULL)
    {
      self->file = g_object_ref (file);
      self->etag = g_steal_pointer (&etag);
    }
  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CoproDocument *self = copro_document_new_from_file (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
copro_document_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, copro_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CoproDocument *
copro_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors */

CoproRecord *
copro_document_get_project (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  return self->project;
}

GFile *
copro_document_get_file (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
copro_document_set_file (CoproDocument *self,
                         GFile         *file)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (self));

  if (g_set_object (&self->file, file))
    {
      /* What we knew of the old file says nothing about the new one. */
      g_clear_pointer (&self->etag, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

gboolean
copro_document_get_modified (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
copro_document_set_modified (CoproDocument *self,
                             gboolean       modified)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
copro_document_get_read_only (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), FALSE);

  return self->read_only_reason != NULL;
}

const char *
copro_document_get_read_only_reason (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  return self->read_only_reason;
}

gboolean
copro_document_get_can_save_elsewhere (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), FALSE);

  return !self->newer_format;
}

void
copro_document_set_read_only (CoproDocument *self,
                              const char    *reason)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (self));

  if (g_strcmp0 (self->read_only_reason, reason) == 0)
    return;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
}

const char *
copro_document_get_etag (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  return self->etag;
}

void
copro_document_set_etag (CoproDocument *self,
                         const char    *etag)
{
  g_return_if_fail (COPRO_IS_DOCUMENT (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
}

int
copro_document_get_format_version (CoproDocument *self)
{
  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), 0);

  return self->format_version;
}

char *
copro_document_dup_display_title (CoproDocument *self)
{
  const char *title;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  title = copro_record_get_string (copro_record_get_record (self->project, "overview"), "title");
  if (copro_text_is_blank (title) && self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (copro_project_title_or_untitled (title));
}

const char *
copro_project_title_or_untitled (const char *title)
{
  return copro_text_is_blank (title) ? _("Untitled project") : title;
}

/* Writing */

GBytes *
copro_document_serialize (CoproDocument *self)
{
  GBytes *bytes;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  bytes = _copro_fast_write_project (self->project);
  if (bytes != NULL)
    return bytes;
  return _copro_document_serialize_reference (self);
}

/* The project as json-glib's tree (_copro_record_write_json()), for the
 * tests to compare with the fast writer and for the projects it leaves to
 * this. json-glib's generator is not used: its escapes differ between
 * versions, and the file's bytes are ours (copro-fast-json.c, "Writing"). */
GBytes *
_copro_document_serialize_reference (CoproDocument *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  GString *out;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "format", COPRO_FORMAT_NAME);
  json_object_set_int_member (object, "format_version", COPRO_FORMAT_VERSION);
  body = _copro_record_write_json (self->project);
  json_object_iter_init_ordered (&iter, body);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (object, name, json_node_ref (node));

  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  out = g_string_new (NULL);
  _copro_json_write_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

GFile *
copro_document_dup_backup_file (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* GIO's own backup name, the one g_file_replace() makes. */
  path = g_strconcat (g_file_peek_path (file), "~", NULL);
  return g_file_new_for_path (path);
}

/* Decides what to check before writing: the etag of the file as we last saw
 * it, when saving over the same file, unless the user said to overwrite. */
static gboolean
prepare_save (CoproDocument   *self,
              GFile           *file,
              CoproSaveFlags   flags,
              const char     **etag,
              GError         **error)
{
  *etag = NULL;

  /* A read-only copy of a file someone else has open may still be saved
   * under another name; a file from a newer version never is. */
  if (self->read_only_reason != NULL &&
      (self->newer_format || self->file == NULL || g_file_equal (file, self->file)))
    {
      g_set_error_literal (error, COPRO_ERROR, COPRO_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  if ((flags & COPRO_SAVE_OVERWRITE_CHANGES) || self->file == NULL || !g_file_equal (file, self->file))
    return TRUE;

  if (self->etag != NULL && !g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, COPRO_ERROR, COPRO_ERROR_CHANGED_ON_DISK,
                   _("“%s” was moved or deleted since you opened it."), name);
      return FALSE;
    }
  *etag = self->etag;
  return TRUE;
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/*
 * Writes @bytes over @file so that the old file or the new one is on disk,
 * never half of one, keeping the old one as "name~".
 *
 * Why not g_file_replace_contents(): with GLib 2.74, when a write fails (a
 * full disk), it still closes the stream, and closing renames the truncated
 * temporary file over the project — the user's file is lost (seen in
 * tests/test-failing-disk.py). g_file_set_contents_full() checks every write,
 * flushes to disk before renaming and removes its temporary file on failure,
 * so local files (which is what the file-chooser portal hands us) use it.
 */
static gboolean
write_atomically (GFile         *file,
                  GBytes        *bytes,
                  const char    *expected_etag,
                  char         **new_etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *path = g_file_peek_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) backup = NULL;
  int mode = 0666;

  if (path == NULL)
    return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    expected_etag, TRUE, G_FILE_CREATE_NONE, new_etag, cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      if (expected_etag != NULL && g_strcmp0 (expected_etag, g_file_info_get_etag (info)) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG, "The file was changed");
          return FALSE;
        }
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
        mode = (int) (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777);

      /* The version before this save, kept beside it: a hard link costs no
       * space or time; where links are not allowed, a copy. */
      backup = copro_document_dup_backup_file (file);
      g_unlink (g_file_peek_path (backup));
      if (link (path, g_file_peek_path (backup)) != 0)
        g_file_copy (file, backup, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, NULL);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, error))
    {
      /* g_file_set_contents_full() reports GFileError; say it the GIO way. */
      if (*error != NULL && (*error)->domain == G_FILE_ERROR)
        {
          GError *original = *error;

          *error = g_error_new_literal (G_IO_ERROR, g_io_error_from_file_error (original->code),
                                        original->message);
          g_error_free (original);
        }
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = query_etag (file);
  return TRUE;
}

/* Turns a GIO failure into one sentence an officer can act on. */
static void
translate_save_error (GFile   *file,
                      GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  GError *original = *error;
  const char *why;

  if (original == NULL || original->domain != G_IO_ERROR)
    return;

  switch (original->code)
    {
    case G_IO_ERROR_WRONG_ETAG:
      *error = g_error_new (COPRO_ERROR, COPRO_ERROR_CHANGED_ON_DISK,
                            _("“%s” was changed by someone else since you opened it."), name);
      g_error_free (original);
      return;
    case G_IO_ERROR_NO_SPACE:
      why = _("the disk is full");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      why = _("you do not have permission to write there");
      break;
    case G_IO_ERROR_READ_ONLY:
      why = _("the folder is read-only");
      break;
    case G_IO_ERROR_NOT_FOUND:
      why = _("its folder no longer exists");
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      why = _("there is a folder of that name");
      break;
    case G_IO_ERROR_CANCELLED:
      return;
    default:
      why = original->message;
      break;
    }
  /* TRANSLATORS: the file name, then why, e.g. "the disk is full" */
  *error = g_error_new (COPRO_ERROR, COPRO_ERROR_SAVE,
                        _("Coproduce could not save “%s” because %s; any earlier version of it is unchanged."),
                        name, why);
  g_error_free (original);
}

static void
finish_save (CoproDocument *self,
             GFile         *file,
             char          *new_etag,
             guint64        change_count)
{
  /* Saved under another name: that file is this copy's own, to edit. */
  if (self->read_only_reason != NULL && !self->newer_format &&
      (self->file == NULL || !g_file_equal (file, self->file)))
    copro_document_set_read_only (self, NULL);
  copro_document_set_file (self, file);
  g_free (self->etag);
  self->etag = new_etag;
  if (change_count == self->change_count)
    copro_document_set_modified (self, FALSE);
}

gboolean
copro_document_save_full (CoproDocument   *self,
                          GFile           *file,
                          CoproSaveFlags   flags,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *etag = NULL;
  char *new_etag = NULL;
  guint64 change_count;

  g_return_val_if_fail (COPRO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!prepare_save (self, file, flags, &etag, error))
    return FALSE;

  change_count = self->change_count;
  bytes = copro_document_serialize (self);
  if (!write_atomically (file, bytes, etag, &new_etag, cancellable, error))
    {
      translate_save_error (file, error);
      return FALSE;
    }

  finish_save (self, file, new_etag, change_count);
  return TRUE;
}

gboolean
copro_document_save (CoproDocument  *self,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return copro_document_save_full (self, file, COPRO_SAVE_NONE, cancellable, error);
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *etag;       /* to check against, or NULL */
  char    *new_etag;
  guint64  change_count;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!write_atomically (data->file, data->bytes, data->etag, &data->new_etag, cancellable, &error))
    {
      translate_save_error (data->file, &error);
      g_task_return_error (task, error);
    }
  else
    g_task_return_boolean (task, TRUE);
}

void
copro_document_save_full_async (CoproDocument       *self,
                                GFile               *file,
                                CoproSaveFlags       flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  const char *etag = NULL;
  SaveData *data;

  g_return_if_fail (COPRO_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, copro_document_save_full_async);
  if (!prepare_save (self, file, flags, &etag, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->etag = g_strdup (etag);
  data->change_count = self->change_count;
  /* Serialise on the main thread, where the model lives; write off it. */
  data->bytes = copro_document_serialize (self);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

void
copro_document_save_async (CoproDocument       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  copro_document_save_full_async (self, file, COPRO_SAVE_NONE, cancellable, callback, user_data);
}

gboolean
copro_document_save_finish (CoproDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  finish_save (self, data->file, g_steal_pointer (&data->new_etag), data->change_count);
  return TRUE;
}
