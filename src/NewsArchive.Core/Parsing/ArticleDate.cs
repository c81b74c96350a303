using System.Globalization;

namespace NewsArchive.Core.Parsing;

/// <summary>How much of a publication date the source printed.</summary>
public enum DatePrecision
{
    Day = 0,
    Minute = 1,
    Second = 2,
}

/// <summary>
/// A publication date as printed: local to the outlet, no time zone invented.
/// <see cref="Value"/> has <see cref="DateTimeKind.Unspecified"/>; the precision says which parts are real.
/// </summary>
public readonly record struct ArticleDate(DateTime Value, DatePrecision Precision)
{
    /// <summary>ISO 8601 without offset, only as precise as the source: 2013-09-27, 2014-11-12T15:18, 1987-02-26T15:01:01.</summary>
    public string ToIso() => Value.ToString(Precision switch
    {
        DatePrecision.Day => "yyyy-MM-dd",
        DatePrecision.Minute => "yyyy-MM-dd'T'HH:mm",
        _ => "yyyy-MM-dd'T'HH:mm:ss",
    }, CultureInfo.InvariantCulture);

    public override string ToString() => ToIso();
}
