using System.Text;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Query and path values from a seeded random source: known-bad strings, valid values and their near misses (so that
/// requests also pass validation and reach the database), random text from every corner of Unicode, huge values,
/// and raw percent-escapes of byte sequences that are not UTF-8. Each value comes ready for a URL.
/// </summary>
public sealed class HostileValues(Random random)
{
    /// <summary>Values that are valid somewhere: outlets, dates, sort orders, page numbers, ids, search words.</summary>
    private static readonly string[] Valid =
    [
        "press-tv", "Fars News Agency", "rasa-news-agency", "unknown", "newest", "oldest", "1", "2", "3", "20", "100",
        "10000", "2014", "2014-11", "2014-11-12", "2016-09-05", "1987", "iran", "cooperation", "talks resume",
    ];

    private static readonly string[] Known =
    [
        "", " ", "\t", "0", "-1", "+1", "1.5", "1e9", "0x10", "00001", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999", "１２", "٣", "NaN", "Infinity", "null", "undefined", "true", "[]", "{}",
        "0000-00-00", "9999-12-31", "2014-02-29", "2016-02-29", "2014-13", "2014-1-1", " 2014 ", "2014/11/12",
        "12/11/2014", "-2014", "20141112", "2014-11-12T15:18:00Z", "yesterday", "Mon, 12 Nov 2014",
        "' OR 1=1 --", "'; DROP TABLE Articles; --", "\" OR \"\"=\"", "1; SELECT * FROM Articles", "%", "_", "\\",
        "\"", "\"\"\"", "*", "a*", "* *", "NEAR(a b, 0)", "a AND", "OR", "NOT a", "title:a", "^a", "a:b:c", "(((",
        ")", "{a}", "a OR b OR c OR d OR e", "-a", "+a", "a\"b", "rank:", "ArticlesFts", "MATCH",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
        "${jndi:ldap://x}", "../../etc/passwd", "..\\..\\windows", "/etc/passwd", "file:///etc/passwd",
        "\u0000", "a\u0000b", "\u202Eevil", "\uFEFF", "\u200B", "🇮🇷", "👩‍🚀", "\uD800", "\uDFFF", "a\uD83Db",
        "\r\nX-Injected: 1", "%0d%0aSet-Cookie: a=b",
    ];

    /// <summary>Byte sequences that are not UTF-8 or are control bytes, sent as they are (already escaped).</summary>
    private static readonly string[] RawEscapes =
    [
        "%00", "%FF", "%C0%AF", "%ED%A0%80", "%E2%80%AE", "%25", "%", "%%", "%zz", "%2", "+", "%2B", "%2F", "%5C",
        "%0A", "%0D", "%7F", "%C3%28", "%F0%9F%98", "%EF%BF%BF", "a%00b",
    ];

    private static readonly (int From, int To)[] Ranges =
    [
        (0x20, 0x7E), (0x00, 0x1F), (0x80, 0xFF), (0x0590, 0x06FF), (0x4E00, 0x4FFF), (0x2000, 0x206F), (0xD800, 0xDFFF), (0xFFF0, 0xFFFF),
    ];

    public string Next() => random.Next(100) switch
    {
        < 25 => Escape(Pick(Valid)),
        < 35 => Escape(NearMiss(Pick(Valid))),
        < 60 => Escape(Pick(Known)),
        < 70 => Pick(RawEscapes),
        < 95 => Escape(RandomText(random.Next(1, 40))),
        _ => Escape(Huge()),
    };

    /// <summary>As <see cref="Next"/>, without NUL: the test server refuses a NUL in a path before the app sees it (Kestrel answers 400).</summary>
    public string NextPathSegment()
    {
        var value = Next();
        return value.Contains("%00", StringComparison.Ordinal) ? NextPathSegment() : value;
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    /// <summary>A valid value with one character changed, added or removed.</summary>
    private string NearMiss(string value)
    {
        var at = random.Next(value.Length + 1);
        return random.Next(3) switch
        {
            0 when value.Length > 0 && at < value.Length => value.Remove(at, 1),
            1 when at < value.Length => value[..at] + (char)random.Next(0x20, 0x7F) + value[(at + 1)..],
            _ => value.Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
        };
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var (from, to) = Ranges[random.Next(Ranges.Length)];
            text.Append((char)random.Next(from, to + 1));
        }

        if (random.Next(4) == 0)
        {
            text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)));
        }

        return text.ToString();
    }

    /// <summary>Far past any sane length: many terms, many prefixes, one endless word.</summary>
    private string Huge() => random.Next(4) switch
    {
        0 => string.Concat(Enumerable.Repeat("word ", random.Next(200, 20_000))),
        1 => string.Concat(Enumerable.Repeat("a* OR ", random.Next(100, 5_000))),
        2 => new string('9', random.Next(1_000, 100_000)),
        _ => string.Concat(Enumerable.Repeat("\"(", random.Next(100, 5_000))),
    };

    /// <summary>Percent-encoded as UTF-8; a lone surrogate, which has no UTF-8 form, goes as U+FFFD (as a browser sends it).</summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(string.Create(value.Length, value, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var paired = char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    : !char.IsLowSurrogate(text[i]) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
                span[i] = paired ? text[i] : '\uFFFD';
            }
        }));
}
