using System.Text;
using System.Text.Unicode;

namespace NewsArchive.Core.Parsing;

/// <summary>Bytes of a scraped file to text: BOM-aware, strict UTF-8 first, Windows-1252 when the bytes are not UTF-8.</summary>
internal static class TextDecoding
{
    // Windows-1252 differs from Latin-1 only in 0x80–0x9F. A 32-entry table keeps the parser free of
    // CodePagesEncodingProvider, whose registration is process-wide state a pure parser should not touch.
    // The five bytes 1252 leaves undefined map to their C1 control code points and are later removed as controls.
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The decoded text, and whether the Windows-1252 fallback was needed.</summary>
    public static (string Text, bool WasWindows1252) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), false);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), false);
        }

        return Utf8.IsValid(bytes) ? (Encoding.UTF8.GetString(bytes), false) : (DecodeWindows1252(bytes), true);
    }

    private static string DecodeWindows1252(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b);
        }

        return builder.ToString();
    }
}
