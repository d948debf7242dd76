/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A fast path for reading and writing project files, beside json-glib.
 *
 * Why this exists, measured (Debian 12, json-glib 1.6.6, GLib 2.74, on the
 * benchmark's 10,000-partner project of 8.1 MB): json_parser_load_from_data()
 * alone costs about 1.8 G instructions (~230 an input byte, its GScanner
 * looks each character up with strchr()), freeing its tree another 0.5 G, and
 * the whole load took 0.60 s against a target of 0.15 s; at 100,000 partners
 * the tree of JsonNodes made the load peak at 706 MB against a limit of
 * 500 MB. No setting of json-glib 1.6 avoids building the whole tree, so the
 * project guide's rule "never hand-write what json-glib does" gives way here,
 * and only here, to this narrow reader and writer.
 *
 * json-glib stays the reference reader. This reader accepts only plain,
 * strict JSON (RFC 8259) of a project that loads without a fault; at the
 * first thing it does not expect (a syntax error, a value of the wrong kind,
 * a number it would have to round, a repeated member, a newer format,
 * anything) it gives up without a word and the caller takes json-glib's path,
 * which checks the text strictly first (json-glib's own parser also reads
 * things that are not JSON) and says what is wrong, so every message is the
 * same whichever path the file took. It never builds the tree: records are
 * filled as the text goes by; only members this version does not know are
 * handed to json-glib, one value at a time, to be kept and written back
 * unchanged.
 *
 * The writer defines the file's bytes (see "Writing" below), whatever
 * json-glib is installed: json-glib 1.6's generator wrote U+001F raw, which
 * is not JSON, where 1.10's escapes it, and both escape U+007F, which JSON
 * does not ask for. The tree
 * that _copro_document_serialize_reference() builds with json-glib, for the
 * tests and for the rare project this writer leaves to it, is written by
 * _copro_json_write_node() below, so both give the same bytes.
 *
 * tests/test-fast-json.c loads every fixture and generated projects through
 * both paths and compares the results and the saved bytes,
 * tests/test-document.c holds the bytes expected for every kind of
 * character, and tests/fuzz/fuzz-load.c checks both paths on every input it
 * tries.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "copro-document-private.h"
#include "copro-fast-json-private.h"
#include "copro-list-private.h"
#include "copro-model.h"
#include "copro-record-private.h"

/* Reading */

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  GString    *key;    /* the current member's name, when it holds escapes */
  GString    *text;   /* the current string value, when it holds escapes */
  GHashTable *ids;
} Reader;

/* A string as read, unescaped, and not followed by a NUL: in the input
 * itself when it holds no escape (nearly always: nothing is copied), else in
 * the reader's buffer for it, until the next string read into that buffer.
 * It never holds a NUL, which reading refuses. */
typedef struct
{
  const char *str;
  gsize       len;
  gboolean    escaped;   /* in the buffer, not the input */
} Text;

/* Compared inline: member names are short, and strncmp() was a twentieth
 * of opening issue 14's project (callgrind). Safe however short @word is:
 * its NUL differs from any byte of a Text. */
static inline gboolean
text_is (const Text *text,
         const char *word)
{
  for (gsize i = 0; i < text->len; i++)
    if (word[i] != text->str[i])
      return FALSE;
  return word[text->len] == '\0';
}

/* Eight bytes at a time (SWAR: "SIMD within a register", portable C). Most
 * of a project file is text between quotes and indentation: reading it a
 * byte at a time was over a third of opening issue 14's project
 * (callgrind). */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
load8 (const char *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return v;
}

/* The high bit of each byte of @v that is a double quote, a backslash or
 * below U+0020, and perhaps of bytes above the first such one (a borrow),
 * never below it. */
static inline guint64
special_bytes (guint64 v)
{
  guint64 quote = v ^ (ONES * '"');
  guint64 backslash = v ^ (ONES * '\\');

  return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) |
          ((v - ONES * 0x20) & ~v)) & HIGHS;
}

/* The first byte from @p on that a string's plain run stops at: a double
 * quote, a backslash, a control character, or @end. */
static inline const char *
scan_plain (const char *p,
            const char *end)
{
  while (end - p >= 8)
    {
      guint64 found = special_bytes (load8 (p));

      if (found != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          return p + (__builtin_ctzll (found) >> 3);
#else
          break;
#endif
        }
      p += 8;
    }
  while (p < end && (guchar) *p >= 0x20 && *p != '"' && *p != '\\')
    p++;
  return p;
}

static const gboolean json_space[256] = { [' '] = TRUE, ['\t'] = TRUE, ['\n'] = TRUE, ['\r'] = TRUE };

static G_ALWAYS_INLINE inline void
skip_space (Reader *r)
{
  const char *p = r->p;
  const char *end = r->end;

  while (p < end && json_space[(guchar) *p])
    {
      /* A new line's indentation, eight bytes at a time. */
      if (*p++ == '\n')
        while (end - p >= 8)
          {
            guint64 other = load8 (p) ^ (ONES * ' ');

            if (other == 0)
              {
                p += 8;
                continue;
              }
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
            /* The high bit of each byte that is not a space (exactly:
             * no carry crosses a byte), the first of them the lowest. */
            other = (((other & ~HIGHS) + ~HIGHS) | other) & HIGHS;
            p += __builtin_ctzll (other) >> 3;
#endif
            break;
          }
    }
  r->p = p;
}

static inline gboolean
eat (Reader *r,
     char    c)
{
  /* Most often right there, with no space to skip. */
  if (r->p >= r->end || *r->p != c)
    {
      skip_space (r);
      if (r->p >= r->end || *r->p != c)
        return FALSE;
    }
  r->p++;
  return TRUE;
}

static inline gboolean
eat_literal (Reader     *r,
             const char *word,
             gsize       length)
{
  if ((gsize) (r->end - r->p) >= length && memcmp (r->p, word, length) == 0)
    {
      r->p += length;
      return TRUE;
    }
  return FALSE;
}

int
_copro_json_hex4 (const char *p,
                  const char *end)
{
  int code = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }
  return code;
}

/* g_uuid_string_is_valid() and copro_date_parse() for the reader, without
 * their library calls: a project of 100,000 logged contacts holds 200,000
 * ids and dates, and these tests were a tenth of its load (callgrind).
 * The same answers: tests/test-fast-json.c and the fuzzer compare the two
 * paths. */
/* No branch for each character: this runs for 200,000 ids and references. */
static inline gboolean
is_hex_run (const char *text,
            guint       from,
            guint       to)
{
  gboolean ok = TRUE;

  for (guint i = from; i < to; i++)
    ok &= g_ascii_isxdigit (text[i]);
  return ok;
}

static inline gboolean
is_uuid (const char *text,
         gsize       length)
{
  if (length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
    return FALSE;
  return is_hex_run (text, 0, 8) & is_hex_run (text, 9, 13) & is_hex_run (text, 14, 18) &
         is_hex_run (text, 19, 23) & is_hex_run (text, 24, 36);
}

static inline gboolean
is_date (const char *text,
         gsize       length)
{
  static const guint8 days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint year = 0, month, day;

  if (length != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint) (text[i] - '0');
  month = (guint) (text[5] - '0') * 10 + (guint) (text[6] - '0');
  day = (guint) (text[8] - '0') * 10 + (guint) (text[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days[month - 1])
    return FALSE;
  if (month == 2 && day == 29)
    return g_date_is_leap_year ((GDateYear) year);
  return TRUE;
}

static gboolean read_string_escaped (Reader     *r,
                                     GString    *buffer,
                                     const char *start,
                                     Text       *out);

/* A string at r->p into @out: see Text. Refuses control characters, unknown
 * escapes, "\u0000" and halves of characters, which the reference refuses
 * or keeps differently. Inline, for the common case of no escape; the rest
 * is read_string_escaped(). */
static G_ALWAYS_INLINE inline gboolean
read_string (Reader  *r,
             GString *buffer,
             Text    *out)
{
  const char *start;

  skip_space (r);
  if (r->p >= r->end || *r->p != '"')
    return FALSE;
  start = ++r->p;
  r->p = scan_plain (r->p, r->end);
  if (G_LIKELY (r->p < r->end && *r->p == '"'))
    {
      out->str = start;
      out->len = (gsize) (r->p - start);
      out->escaped = FALSE;
      r->p++;
      return TRUE;
    }
  return read_string_escaped (r, buffer, start, out);
}

/* From the first escape (or fault) at r->p of the string begun at @start:
 * the text is made in @buffer. */
static G_GNUC_NO_INLINE gboolean
read_string_escaped (Reader     *r,
                     GString    *buffer,
                     const char *start,
                     Text       *out)
{
  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, start, r->p - start);
  for (;;)
    {
      char c;

      if (r->p >= r->end)
        return FALSE;
      c = *r->p++;
      if (c == '"')
        {
          out->str = buffer->str;
          out->len = buffer->len;
          out->escaped = TRUE;
          return TRUE;
        }
      if (c != '\\' || r->p >= r->end)
        return FALSE;
      c = *r->p++;
      switch (c)
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (buffer, c);
          break;
        case 'b':
          g_string_append_c (buffer, '\b');
          break;
        case 'f':
          g_string_append_c (buffer, '\f');
          break;
        case 'n':
          g_string_append_c (buffer, '\n');
          break;
        case 'r':
          g_string_append_c (buffer, '\r');
          break;
        case 't':
          g_string_append_c (buffer, '\t');
          break;
        case 'u':
          {
            int code = _copro_json_hex4 (r->p, r->end);

            if (code <= 0 || (code >= 0xDC00 && code <= 0xDFFF))
              return FALSE;
            r->p += 4;
            if (code >= 0xD800 && code <= 0xDBFF)
              {
                int low;

                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
                  return FALSE;
                low = _copro_json_hex4 (r->p + 2, r->end);
                if (low < 0xDC00 || low > 0xDFFF)
                  return FALSE;
                r->p += 6;
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (buffer, (gunichar) code);
          }
          break;
        default:
          return FALSE;
        }
      start = r->p;
      r->p = scan_plain (r->p, r->end);
      g_string_append_len (buffer, start, r->p - start);
    }
}

/* A whole number of at most 18 digits, which always fits: anything else
 * (a fraction, an exponent, a leading zero, "-0") is left to the reference. */
static gboolean
read_integer (Reader *r,
              gint64 *value)
{
  gboolean negative = FALSE;
  gint64 n = 0;
  int digits = 0;

  skip_space (r);
  if (r->p < r->end && *r->p == '-')
    {
      negative = TRUE;
      r->p++;
    }
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return FALSE;
  if (*r->p == '0' && (negative || (r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))))
    return FALSE;
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    {
      if (++digits > 18)
        return FALSE;
      n = n * 10 + (*r->p++ - '0');
    }
  if (r->p < r->end && (*r->p == '.' || *r->p == 'e' || *r->p == 'E'))
    return FALSE;
  *value = negative ? -n : n;
  return TRUE;
}

gboolean
_copro_json_number_fits (const char *token,
                         gsize       length)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;
  gsize i;

  if (length <= 18 && memchr (token, 'e', length) == NULL && memchr (token, 'E', length) == NULL)
    return TRUE;
  copy = g_strndup (token, length);
  i = copy[0] == '-' ? 1 : 0;
  while (g_ascii_isdigit (copy[i]))
    i++;
  if (copy[i] == '\0')
    return g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, NULL, NULL);
  value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && !isinf (value);
}

/* Steps over any value, checking it is strict JSON that the reference keeps
 * exactly: numbers short enough never to round or overflow. */
static gboolean
skip_value (Reader *r)
{
  skip_space (r);
  if (r->p >= r->end)
    return FALSE;
  switch (*r->p)
    {
    case '{':
    case '[':
      {
        char close = *r->p == '{' ? '}' : ']';

        if (++r->depth > COPRO_MAX_DEPTH)
          return FALSE;
        r->p++;
        if (!eat (r, close))
          {
            do
              {
                Text name;

                if (close == '}' && (!read_string (r, r->key, &name) || !eat (r, ':')))
                  return FALSE;
                if (!skip_value (r))
                  return FALSE;
              }
            while (eat (r, ','));
            if (!eat (r, close))
              return FALSE;
          }
        r->depth--;
        return TRUE;
      }
    case '"':
      {
        Text text;

        return read_string (r, r->text, &text);
      }
    case 't':
      return eat_literal (r, "true", 4);
    case 'f':
      return eat_literal (r, "false", 5);
    case 'n':
      return eat_literal (r, "null", 4);
    default:
      {
        const char *start = r->p;

        if (*r->p == '-')
          r->p++;
        if (r->p >= r->end || !g_ascii_isdigit (*r->p))
          return FALSE;
        if (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))
          return FALSE;
        while (r->p < r->end && g_ascii_isdigit (*r->p))
          r->p++;
        if (r->p < r->end && *r->p == '.')
          {
            r->p++;
            if (r->p >= r->end || !g_ascii_isdigit (*r->p))
              return FALSE;
            while (r->p < r->end && g_ascii_isdigit (*r->p))
              r->p++;
          }
        if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
          {
            r->p++;
            if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
              r->p++;
            if (r->p >= r->end || !g_ascii_isdigit (*r->p))
              return FALSE;
            while (r->p < r->end && g_ascii_isdigit (*r->p))
              r->p++;
          }
        return _copro_json_number_fits (start, (gsize) (r->p - start));
      }
    }
}

static int
find_field (const CoproRecordDesc *desc,
            const Text            *key,
            guint                 *guess)
{
  /* Members usually come in the description's order: try the next one first. */
  if (*guess < desc->n_fields && text_is (key, desc->fields[*guess].key))
    return (int) (*guess)++;
  for (guint i = 0; i < desc->n_fields; i++)
    if (text_is (key, desc->fields[i].key))
      {
        *guess = i + 1;
        return (int) i;
      }
  return -1;
}

static gboolean read_record (Reader      *r,
                             CoproRecord *record,
                             gboolean     top,
                             gint64      *version);

static gboolean
read_flags (Reader           *r,
            const CoproField *field,
            CoproRecord      *record,
            guint             index)
{
  /* Keys are distinct keys of the enumeration, so they fit here. */
  const char *keys[64];
  guint n = 0;

  if (copro_enum_n_values (field->enumeration) > G_N_ELEMENTS (keys) || !eat (r, '['))
    return FALSE;
  if (!eat (r, ']'))
    {
      do
        {
          Text text;
          const char *key;

          if (!read_string (r, r->text, &text) ||
              (key = _copro_enum_key (field->enumeration, text.str, text.len)) == NULL)
            return FALSE;
          /* The enumeration's own strings: the same key, the same pointer. */
          for (guint i = 0; i < n; i++)
            if (keys[i] == key)
              return FALSE;
          keys[n++] = key;
        }
      while (eat (r, ','));
      if (!eat (r, ']'))
        return FALSE;
    }
  _copro_record_load_flags_at (record, index, keys, n);
  return TRUE;
}

static gboolean
read_list (Reader      *r,
           CoproList   *list)
{
  GType type = g_list_model_get_item_type (G_LIST_MODEL (list));

  if (!eat (r, '['))
    return FALSE;
  if (++r->depth > COPRO_MAX_DEPTH)
    return FALSE;
  if (!eat (r, ']'))
    {
      do
        {
          CoproRecord *item = g_object_new (type, NULL);

          if (!read_record (r, item, FALSE, NULL))
            {
              g_object_unref (item);
              return FALSE;
            }
          _copro_list_append_loaded (list, item);
        }
      while (eat (r, ','));
      if (!eat (r, ']'))
        return FALSE;
    }
  r->depth--;
  return TRUE;
}

/* A record's texts wait in @texts, to be set at once, in one block, when
 * the record ends (see _copro_record_load_strings()); a text in the buffer,
 * which the next string overwrites, is set now. */
static inline void
add_text (CoproRecord   *record,
          guint          index,
          const Text    *text,
          CoproLoadText *texts,
          guint         *n_texts)
{
  if (text->escaped)
    _copro_record_load_string_at (record, index, text->str, text->len);
  else
    texts[(*n_texts)++] = (CoproLoadText) { index, text->str, text->len };
}

/* The value of @field, under the same rules as read_field() in
 * copro-record.c, for values that it accepts. */
static gboolean
read_field_value (Reader           *r,
                  const CoproField *field,
                  CoproRecord      *record,
                  guint             index,
                  CoproLoadText    *texts,
                  guint            *n_texts)
{
  gint64 n;
  Text text;

  /* Once: "null" is checked here without skipping again. */
  skip_space (r);
  switch (field->kind)
    {
    case COPRO_FIELD_STRING:
    case COPRO_FIELD_TEXT:
    case COPRO_FIELD_EMAIL:
      if (eat_literal (r, "null", 4))
        return TRUE;
      if (!read_string (r, r->text, &text))
        return FALSE;
      add_text (record, index, &text, texts, n_texts);
      return TRUE;

    case COPRO_FIELD_ENUM:
      {
        const char *key;

        if (eat_literal (r, "null", 4))
          return TRUE;
        if (!read_string (r, r->text, &text) ||
            (key = _copro_enum_key (field->enumeration, text.str, text.len)) == NULL)
          return FALSE;
        _copro_record_load_enum_at (record, index, key);
        return TRUE;
      }

    case COPRO_FIELD_DATE:
    case COPRO_FIELD_REF:
      if (eat_literal (r, "null", 4))
        return TRUE;
      if (!read_string (r, r->text, &text))
        return FALSE;
      if (field->kind == COPRO_FIELD_DATE ? !is_date (text.str, text.len) : !is_uuid (text.str, text.len))
        return FALSE;
      add_text (record, index, &text, texts, n_texts);
      return TRUE;

    case COPRO_FIELD_INT:
      if (field->min > 0 && eat_literal (r, "null", 4))
        return TRUE;
      if (!read_integer (r, &n) || n < field->min || n > field->max)
        return FALSE;
      _copro_record_load_int_at (record, index, (int) n);
      return TRUE;

    case COPRO_FIELD_MONEY:
      if (!read_integer (r, &n) || n < 0 || n > COPRO_MONEY_MAX)
        return FALSE;
      _copro_record_load_money_at (record, index, n);
      return TRUE;

    case COPRO_FIELD_BOOL:
      if (eat_literal (r, "true", 4))
        _copro_record_load_bool_at (record, index, TRUE);
      else if (eat_literal (r, "false", 5))
        _copro_record_load_bool_at (record, index, FALSE);
      else
        return FALSE;
      return TRUE;

    case COPRO_FIELD_FLAGS:
      return read_flags (r, field, record, index);

    case COPRO_FIELD_RECORD:
      return read_record (r, copro_record_get_record_at (record, index), FALSE, NULL);

    case COPRO_FIELD_LIST:
      return read_list (r, copro_record_get_list_at (record, index));

    default:
      return FALSE;
    }
}

/* A member this version does not know: json-glib reads its value alone. */
static gboolean
read_unknown (Reader      *r,
              const Text  *key,
              CoproRecord *record)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *name = g_strndup (key->str, key->len);
  JsonObject *extra = copro_record_get_extra (record);
  const char *start;
  JsonNode *root;

  if (extra != NULL && json_object_has_member (extra, name))
    return FALSE;
  skip_space (r);
  start = r->p;
  if (!skip_value (r))
    return FALSE;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, start, r->p - start, NULL) ||
      (root = json_parser_get_root (parser)) == NULL)
    return FALSE;
  _copro_record_add_extra (record, name, json_node_ref (root));
  return TRUE;
}

static gboolean
read_record (Reader      *r,
             CoproRecord *record,
             gboolean     top,
             gint64      *version)
{
  const CoproRecordDesc *desc = COPRO_RECORD_GET_CLASS (record)->desc;
  guint8 seen[128];
  CoproLoadText texts[G_N_ELEMENTS (seen) + 1];
  guint n_texts = 0;
  gboolean seen_id = FALSE, seen_format = FALSE;
  guint guess = 0;

  if (desc->n_fields > G_N_ELEMENTS (seen) || !eat (r, '{') || ++r->depth > COPRO_MAX_DEPTH)
    return FALSE;
  memset (seen, 0, desc->n_fields);
  if (!eat (r, '}'))
    {
      do
        {
          Text key, text;
          int index;

          if (!read_string (r, r->key, &key) || !eat (r, ':'))
            return FALSE;
          if (top && text_is (&key, "format"))
            {
              if (seen_format || !read_string (r, r->text, &text) ||
                  !text_is (&text, COPRO_FORMAT_NAME))
                return FALSE;
              seen_format = TRUE;
            }
          else if (top && text_is (&key, "format_version"))
            {
              /* Newer versions, read only, are left to the reference. */
              if (*version != 0 || !read_integer (r, version) ||
                  *version < 1 || *version > COPRO_FORMAT_VERSION)
                return FALSE;
            }
          else if (desc->has_id && text_is (&key, "id"))
            {
              if (seen_id || !read_string (r, r->text, &text) || !is_uuid (text.str, text.len))
                return FALSE;
              seen_id = TRUE;
              if (text.escaped)
                _copro_record_take_id (record, g_strndup (text.str, text.len));
              else
                texts[n_texts++] = (CoproLoadText) { COPRO_LOAD_ID, text.str, text.len };
            }
          else if ((index = find_field (desc, &key, &guess)) < 0)
            {
              if (!read_unknown (r, &key, record))
                return FALSE;
            }
          else
            {
              if (seen[index])
                return FALSE;
              seen[index] = 1;
              if (!read_field_value (r, &desc->fields[index], record, (guint) index,
                                     texts, &n_texts))
                return FALSE;
            }
        }
      while (eat (r, ','));
      if (!eat (r, '}'))
        return FALSE;
    }
  r->depth--;
  if (desc->has_id && !seen_id)
    return FALSE;
  if (top && (!seen_format || *version == 0))
    return FALSE;
  if (n_texts > 0)
    _copro_record_load_strings (record, texts, n_texts);
  /* The table borrows the record's id (see ids_new()). */
  if (desc->has_id &&
      !g_hash_table_insert (r->ids, (gpointer) _copro_record_peek_id (record), (gpointer) desc))
    return FALSE;
  return TRUE;
}

/* The table of ids the reader fills: each key is a record's own id,
 * borrowed, never copied; case is ignored, as in g_uuid_string_is_valid()'s
 * UUIDs, by the hash and the comparison rather than by keeping a folded copy
 * of each id. The hash takes eight characters at a time. Folding and hashing
 * a copy of each of 137,000 ids with g_ascii_strdown() and g_str_hash() was
 * a twelfth of opening issue 14's project (callgrind). */
static guint
id_hash (gconstpointer key)
{
  const char *p = key;
  gsize length = strlen (p);
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  /* OR-ing 0x20 into every byte folds ASCII letters to lower case, and
   * leaves every other byte that ignoring case could match unchanged. */
  for (; length >= 8; length -= 8, p += 8)
    h = (h ^ (load8 (p) | ONES * 0x20)) * G_GUINT64_CONSTANT (0x100000001b3);
  for (; length > 0; length--, p++)
    h = (h ^ ((guchar) *p | 0x20)) * G_GUINT64_CONSTANT (0x100000001b3);
  return (guint) (h ^ (h >> 29) ^ (h >> 47));
}

static gboolean
id_equal (gconstpointer a,
          gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

static GHashTable *
ids_new (void)
{
  return g_hash_table_new (id_hash, id_equal);
}

CoproRecord *
_copro_fast_read_project (const char  *data,
                          gsize        length,
                          GHashTable **ids)
{
  g_autoptr(CoproRecord) project = copro_record_new (&copro_desc_project);
  g_autoptr(GString) key = g_string_sized_new (64);
  g_autoptr(GString) text = g_string_sized_new (256);
  g_autoptr(GHashTable) table = ids_new ();
  Reader r = { data, data + length, 0, key, text, table };
  gint64 version = 0;

  if (!read_record (&r, project, TRUE, &version))
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    return NULL;
  *ids = g_steal_pointer (&table);
  return g_steal_pointer (&project);
}

/*
 * Writing. The layout of a project file, which stays the same whatever
 * json-glib is installed (it is json-glib's pretty generator's, indent 2, as
 * every earlier version wrote it):
 *
 * - Each member of an object, and each item of a list, on its own line,
 *   indented two spaces a level; a member is written `"name" : value`. An
 *   empty list is `[]`; an empty object is `{`, its level's indentation, `}`
 *   (only members this version does not know can be empty objects).
 * - Text is UTF-8 between double quotes, with exactly what RFC 8259 requires
 *   escaped: `\"` and `\\`, and each character from U+0001 to U+001F as
 *   `\b`, `\t`, `\n`, `\f`, `\r` for those five, `\u00XX` (lower-case
 *   hexadecimal) for the others. Everything else, `/`, U+007F, U+2028 and
 *   U+2029 included, is written as it is. (U+0000 is never held: reading
 *   refuses `\u0000`.)
 * - Whole numbers in decimal; other numbers as g_ascii_dtostr() writes them
 *   (enough digits to read back the same double), with ".0" added when that
 *   has neither a point nor an exponent.
 * - The file ends with a line break.
 */

static inline void
write_indent (GString *out,
              guint    level)
{
  gsize len = out->len;

  g_string_set_size (out, len + 2 * level);
  memset (out->str + len, ' ', 2 * level);
}

/* @text in double quotes, escaped as the layout above says. */
static void
write_string (GString    *out,
              const char *text)
{
  const char *p = text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const char *start = p;

      while ((guchar) *p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      g_string_append_len (out, start, p - start);
      switch (*p)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"':
        case '\\':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u00%02x", (guint) *p);
          break;
        }
      p++;
    }
}

static void
write_integer (GString *out,
               gint64   value)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  guint64 n = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

/* Starts a member of an object at @level. */
static inline void
begin_member (GString    *out,
              guint       level,
              gboolean   *first,
              const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  write_indent (out, level + 1);
  write_string (out, key);
  g_string_append (out, " : ");
}

static inline void
end_object (GString  *out,
            guint     level,
            gboolean  first)
{
  if (!first)
    g_string_append_c (out, '\n');
  write_indent (out, level);
  g_string_append_c (out, '}');
}

/* A node this version does not know (or, for the reference, the whole
 * tree) at @level. */
void
_copro_json_write_node (GString  *out,
                        JsonNode *node,
                        guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node) == G_TYPE_INT64 ? 0 :
              json_node_get_value_type (node) == G_TYPE_DOUBLE ? 1 :
              json_node_get_value_type (node) == G_TYPE_STRING ? 2 :
              json_node_get_value_type (node) == G_TYPE_BOOLEAN ? 3 : 4)
        {
        case 0:
          write_integer (out, json_node_get_int (node));
          break;
        case 1:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node));
            g_string_append (out, buffer);
            if (strchr (buffer, '.') == NULL && strchr (buffer, 'e') == NULL &&
                strchr (buffer, 'E') == NULL)
              g_string_append (out, ".0");
          }
          break;
        case 2:
          write_string (out, json_node_get_string (node));
          break;
        case 3:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        if (n == 0)
          {
            g_string_append_c (out, ']');
            break;
          }
        g_string_append_c (out, '\n');
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, level + 1);
            _copro_json_write_node (out, json_array_get_element (array, i), level + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        write_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            begin_member (out, level, &first, name);
            _copro_json_write_node (out, member, level + 1);
          }
        end_object (out, level, first);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean write_record (GString     *out,
                              CoproRecord *record,
                              guint        level);

/* The members of @record, in the order _copro_record_write_json() sets them. */
static gboolean
write_members (GString     *out,
               CoproRecord *record,
               guint        level,
               gboolean    *first,
               gboolean     top)
{
  const CoproRecordDesc *desc = COPRO_RECORD_GET_CLASS (record)->desc;
  JsonObject *extra = copro_record_get_extra (record);

  if (desc->has_id)
    {
      const char *id = copro_record_get_id (record);

      begin_member (out, level, first, "id");
      if (id != NULL)
        write_string (out, id);
      else
        g_string_append (out, "null");
    }

  for (guint i = 0; i < desc->n_fields; i++)
    {
      const CoproField *field = &desc->fields[i];

      begin_member (out, level, first, field->key);
      switch (field->kind)
        {
        case COPRO_FIELD_STRING:
        case COPRO_FIELD_TEXT:
        case COPRO_FIELD_EMAIL:
          {
            const char *text = copro_record_get_string_at (record, i);

            write_string (out, text != NULL ? text : "");
          }
          break;
        case COPRO_FIELD_DATE:
        case COPRO_FIELD_ENUM:
        case COPRO_FIELD_REF:
          {
            const char *key = copro_record_get_string_at (record, i);

            if (key != NULL)
              write_string (out, key);
            else
              g_string_append (out, "null");
          }
          break;
        case COPRO_FIELD_INT:
          {
            int n = copro_record_get_int_at (record, i);

            if (n == 0 && field->min > 0)
              g_string_append (out, "null");
            else
              write_integer (out, n);
          }
          break;
        case COPRO_FIELD_MONEY:
          write_integer (out, copro_record_get_money_at (record, i));
          break;
        case COPRO_FIELD_BOOL:
          g_string_append (out, copro_record_get_bool_at (record, i) ? "true" : "false");
          break;
        case COPRO_FIELD_FLAGS:
          {
            const char * const *flags = copro_record_get_flags_at (record, i);

            if (flags[0] == NULL)
              g_string_append (out, "[]");
            else
              {
                g_string_append (out, "[\n");
                for (guint j = 0; flags[j] != NULL; j++)
                  {
                    write_indent (out, level + 2);
                    write_string (out, flags[j]);
                    g_string_append (out, flags[j + 1] != NULL ? ",\n" : "\n");
                  }
                write_indent (out, level + 1);
                g_string_append_c (out, ']');
              }
          }
          break;
        case COPRO_FIELD_RECORD:
          if (!write_record (out, copro_record_get_record_at (record, i), level + 1))
            return FALSE;
          break;
        case COPRO_FIELD_LIST:
          {
            CoproList *list = copro_record_get_list_at (record, i);
            guint n = copro_list_get_n_items (list);

            if (n == 0)
              {
                g_string_append (out, "[]");
                break;
              }
            g_string_append (out, "[\n");
            for (guint j = 0; j < n; j++)
              {
                write_indent (out, level + 2);
                if (!write_record (out, copro_list_get (list, j), level + 2))
                  return FALSE;
                g_string_append (out, j + 1 < n ? ",\n" : "\n");
              }
            write_indent (out, level + 1);
            g_string_append_c (out, ']');
          }
          break;
        default:
          return FALSE;
        }
    }

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          /* Named like a member written above, it would take that
           * member's place in json-glib's object: leave that to the tree. */
          if (copro_record_desc_find_field (desc, name) != NULL ||
              (desc->has_id && strcmp (name, "id") == 0) ||
              (top && (strcmp (name, "format") == 0 || strcmp (name, "format_version") == 0)))
            return FALSE;
          begin_member (out, level, first, name);
          _copro_json_write_node (out, node, level + 1);
        }
    }
  return TRUE;
}

static gboolean
write_record (GString     *out,
              CoproRecord *record,
              guint        level)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (!write_members (out, record, level, &first, FALSE))
    return FALSE;
  end_object (out, level, first);
  return TRUE;
}

GBytes *
_copro_fast_write_project (CoproRecord *project)
{
  GString *out = g_string_sized_new (4096);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  begin_member (out, 0, &first, "format");
  write_string (out, COPRO_FORMAT_NAME);
  begin_member (out, 0, &first, "format_version");
  write_integer (out, COPRO_FORMAT_VERSION);
  if (!write_members (out, project, 0, &first, TRUE))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  end_object (out, 0, first);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}
