using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>What a piece of text turned out to be when read as a date.</summary>
internal enum DateReadingKind
{
    NotADate = 0,
    Valid = 1,
    /// <summary>Shaped like a date but impossible (month 13, 31 April, 25:00).</summary>
    Impossible = 2,
    /// <summary>A numeric d/m or m/d date where both orders are possible.</summary>
    Ambiguous = 3,
}

internal readonly record struct DateReading(DateReadingKind Kind, ArticleDate? Date = null, bool HasWeekday = false)
{
    /// <summary>The text is a date line, even if it cannot become a value.</summary>
    public bool IsDateShaped => Kind != DateReadingKind.NotADate;
}

/// <summary>
/// Reads one whole piece of text (a standalone line or a header value) as a publication date, as printed:
/// no time zone is invented and a printed zone or offset is dropped, the precision says what was printed.
/// Numeric 03/12/2016 forms are read only when one order is impossible (a part above 12); otherwise they are
/// Ambiguous, because the corpora and outlets mix d/m and m/d and a wrong date is worse than none.
/// </summary>
internal static partial class DateParsing
{
    private const string Weekday = @"(?:(?<wd>(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*)\.?,?\s+)?";
    private const string Month = @"(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
    private const string Time = @"(?:\s*(?:[-|,@–—]|\bat\b)?\s*(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?";

    [GeneratedRegex(@"^" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+" + Month + @",?[\s-]+(?<y>\d{4})" + Time + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^" + Weekday + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})" + Time + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{4})" + Time + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateReading Read(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 80)
        {
            return default;
        }

        if (Iso().Match(trimmed) is { Success: true } iso)
        {
            return Build(iso, Number(iso, "m"));
        }

        if (DayMonthYear().Match(trimmed) is { Success: true } dmy)
        {
            return Build(dmy, MonthNumber(dmy));
        }

        if (MonthDayYear().Match(trimmed) is { Success: true } mdy)
        {
            return Build(mdy, MonthNumber(mdy));
        }

        return Numeric().Match(trimmed) is { Success: true } numeric ? ReadNumeric(numeric) : default;
    }

    private static DateReading ReadNumeric(Match match)
    {
        int a = Number(match, "a"), b = Number(match, "b");
        return (a > 12, b > 12) switch
        {
            (true, false) => Build(match, b, day: a),
            (false, true) => Build(match, a, day: b),
            (true, true) => new DateReading(DateReadingKind.Impossible),
            _ => a == b ? Build(match, a, day: b) : new DateReading(DateReadingKind.Ambiguous),
        };
    }

    private static DateReading Build(Match match, int month, int? day = null)
    {
        var year = Number(match, "y");
        var dayOfMonth = day ?? Number(match, "d");
        var hasWeekday = match.Groups["wd"].Success;
        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return new DateReading(DateReadingKind.Impossible, HasWeekday: hasWeekday);
        }

        var precision = DatePrecision.Day;
        int hour = 0, minute = 0, second = 0;
        if (match.Groups["h"].Success)
        {
            hour = Number(match, "h");
            minute = Number(match, "mi");
            precision = DatePrecision.Minute;
            if (match.Groups["s"].Success)
            {
                second = Number(match, "s");
                precision = DatePrecision.Second;
            }

            if (match.Groups["ampm"].Success)
            {
                if (hour is < 1 or > 12)
                {
                    return new DateReading(DateReadingKind.Impossible, HasWeekday: hasWeekday);
                }

                var pm = match.Groups["ampm"].Value.StartsWith('p') || match.Groups["ampm"].Value.StartsWith('P');
                hour = (hour % 12) + (pm ? 12 : 0);
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return new DateReading(DateReadingKind.Impossible, HasWeekday: hasWeekday);
            }
        }

        var value = new DateTime(year, month, dayOfMonth, hour, minute, second, DateTimeKind.Unspecified);
        return new DateReading(DateReadingKind.Valid, new ArticleDate(value, precision), hasWeekday);
    }

    private static int MonthNumber(Match match) =>
        Array.IndexOf(MonthNames, match.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;

    // The groups match one to four digits only, so parsing cannot fail.
    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
