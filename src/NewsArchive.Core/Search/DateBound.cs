using System.Globalization;

namespace NewsArchive.Core.Search;

/// <summary>
/// A period as users type it: "2016", "2016-09" or "2016-09-05". As a lower bound it means its first day,
/// as an upper bound its last day (inclusive), so from=2014&amp;to=2014 is the whole of 2014.
/// </summary>
public readonly record struct DateBound(DateTime Start, DateTime EndExclusive, string Text)
{
    private static readonly string[] Formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateBound bound)
    {
        bound = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 10
            || !DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || start.Year == DateTime.MaxValue.Year) // no DateTime holds the end of year 9999
        {
            return false;
        }

        var end = text.Length switch
        {
            4 => start.AddYears(1),
            7 => start.AddMonths(1),
            _ => start.AddDays(1),
        };
        bound = new DateBound(start, end, text);
        return true;
    }

    public override string ToString() => Text;
}
