using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>
/// One parse of one file's clean lines. The head (headline, date, ID and header lines) is read first, then the body
/// is cut from what follows: boilerplate and trailers removed, paragraphs built, lead and dateline taken off.
/// </summary>
internal sealed partial class ArticleReader(IReadOnlyList<string> lines, List<string> warnings)
{
    // Where an outlet was named, most explicit first: metadata beats a sign-off, which beats the lead's marker.
    private enum OutletSignal
    {
        Header = 0,
        Trailer = 1,
        LeadMarker = 2,
    }

    // Which date line wins: labelled publication dates, then bare date lines, then "Updated:" dates.
    private enum DateLabel
    {
        Updated = 0,
        None = 1,
        Published = 2,
    }

    private readonly List<(OutletSignal Signal, string Outlet)> outlets = [];
    private readonly List<(ArticleDate Date, DateLabel Label, bool HasWeekday)> dates = [];
    private string? title;
    private string? sourceId;
    private string? sourceUrl;
    private string? site;

    [GeneratedRegex(@"^(?:\((?:no title|untitled)\)|untitled)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePlaceholder();

    // A period that ends a sentence, not an ellipsis ("Rivals of the £400 Apple...").
    [GeneratedRegex(@"(?<!\.)\.[""”’)]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithPeriod();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-_/.]*", RegexOptions.CultureInvariant)]
    private static partial Regex IdToken();

    /// <summary>The article, or null when no body text is left.</summary>
    public ParsedArticle? Read(ParseOptions options)
    {
        var paragraphs = ParagraphLayout.Paragraphs(BodyLines(ReadHead()));
        var summary = TakeLead(paragraphs);
        var dateline = TakeDateline(paragraphs);
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var titleDerived = title is null;
        if (titleDerived)
        {
            warnings.Add("no headline: title derived from the lead");
        }

        return new ParsedArticle(
            title ?? TitleDerivation.FromLead(summary ?? paragraphs[0]),
            titleDerived,
            ChooseOutlet(options),
            ChooseDate(),
            dateline,
            sourceId,
            sourceUrl,
            site,
            summary,
            paragraphs,
            warnings);
    }

    /// <summary>Reads the head and returns the index of the first body line.</summary>
    private int ReadHead()
    {
        var titleSlotUsed = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = TextHygiene.Collapse(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            if (HeaderLines.TryRead(line, out var header))
            {
                ReadHeader(header);
            }
            else if (DateParsing.Read(line) is { IsDateShaped: true } reading)
            {
                AddDate(reading, DateLabel.None, line);
            }
            else if (Boilerplate.IsUrl(line))
            {
                sourceUrl ??= line;
            }
            else if (!titleSlotUsed && TitlePlaceholder().IsMatch(line))
            {
                titleSlotUsed = true;
            }
            else if (!titleSlotUsed && IsHeadline(i, line))
            {
                titleSlotUsed = true;
                title = line;
            }
            else if (string.Equals(line, title, StringComparison.OrdinalIgnoreCase))
            {
                // A page may print its headline twice (page title and article title): one title.
                continue;
            }
            else
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>
    /// A headline is a short line that is not a sentence of the story: no dateline or outlet prefix, and either
    /// header lines follow, or a blank line follows and it has no sentence-ending period (or is very short),
    /// or the text runs on and it neither ends a sentence nor is continued mid-sentence on the next line.
    /// </summary>
    private bool IsHeadline(int index, string line)
    {
        if (!line.Any(char.IsLetter) || LeadMarkers.TryRead(line, out _))
        {
            return false;
        }

        var next = index + 1 < lines.Count ? TextHygiene.Collapse(lines[index + 1]) : string.Empty;
        if (next.Length > 0 && (HeaderLines.TryRead(next, out _) || DateParsing.Read(next).IsDateShaped))
        {
            return true;
        }

        var endsSentence = EndsWithPeriod().IsMatch(line);
        if (line.Length > 200)
        {
            return false;
        }

        return next.Length == 0
            ? !endsSentence || line.Split(' ').Length <= 12
            : !endsSentence && !char.IsLower(next[0]);
    }

    private void ReadHeader(HeaderLine header)
    {
        if (header.Value.Length == 0)
        {
            return;
        }

        switch (header.Role)
        {
            case HeaderRole.Outlet:
                outlets.Add((OutletSignal.Header, OutletCatalog.Canonical(header.Value)));
                break;
            case HeaderRole.PublishedDate or HeaderRole.UpdatedDate:
                var label = header.Role == HeaderRole.PublishedDate ? DateLabel.Published : DateLabel.Updated;
                var reading = DateParsing.Read(header.Value);
                AddDate(reading, label, header.Value);
                if (!reading.IsDateShaped)
                {
                    warnings.Add($"unparseable date: '{header.Value}'");
                }

                break;
            case HeaderRole.Url when Boilerplate.IsUrl(header.Value):
                sourceUrl ??= header.Value;
                break;
            case HeaderRole.Url:
                // Only web addresses: a "javascript:" or "file:" value must never reach a page or an API client as a link.
                warnings.Add($"not a web address: '{header.Value}'");
                break;
            case HeaderRole.SourceId:
                sourceId ??= IdToken().Match(header.Value) is { Success: true } id ? id.Value : null;
                break;
            case HeaderRole.Other:
                break;
        }
    }

    private void AddDate(DateReading reading, DateLabel label, string printed)
    {
        switch (reading.Kind)
        {
            case DateReadingKind.Valid when reading.Date is { } date:
                dates.Add((date, label, reading.HasWeekday));
                break;
            case DateReadingKind.Impossible:
                warnings.Add($"impossible date: '{printed}'");
                break;
            case DateReadingKind.Ambiguous:
                warnings.Add($"ambiguous numeric date: '{printed}'");
                break;
        }
    }

    /// <summary>Body lines without page furniture: comment forms and disclaimers anywhere, URL, code and trailer lines at the end.</summary>
    private List<string> BodyLines(int start)
    {
        var body = new List<string>();
        foreach (var line in lines.Skip(start))
        {
            var text = TextHygiene.Collapse(line);
            if (Boilerplate.TryReadDisclaimer(text, out var republisher))
            {
                site ??= republisher;
            }
            else if (!Boilerplate.IsCommentForm(text))
            {
                body.Add(line);
            }
        }

        while (body.Count > 0)
        {
            var last = TextHygiene.Collapse(body[^1]);
            if (Boilerplate.IsUrl(last))
            {
                sourceUrl ??= last;
            }
            else if (Boilerplate.TryReadTrailer(last, out var outlet))
            {
                outlets.Add((OutletSignal.Trailer, outlet));
            }
            else if (last.Length > 0 && !Boilerplate.IsEditorialCode(last))
            {
                break;
            }

            body.RemoveAt(body.Count - 1);
        }

        return body;
    }

    /// <summary>
    /// An explicit lead: a first paragraph with an outlet prefix or dateline, when the body proper starts again with one
    /// a little later, separated only by photo captions. Returns the lead text and removes it and the captions.
    /// </summary>
    private string? TakeLead(List<string> paragraphs)
    {
        if (paragraphs.Count == 0 || !LeadMarkers.TryRead(paragraphs[0], out var lead))
        {
            return null;
        }

        for (var next = 1; next < Math.Min(paragraphs.Count, 4); next++)
        {
            if (LeadMarkers.TryRead(paragraphs[next], out _))
            {
                AddMarkerOutlet(lead);
                paragraphs.RemoveRange(0, next);
                var summary = lead.Rest.Trim();
                return summary.Length > 0 ? summary : null;
            }

            if (!Boilerplate.IsCaption(paragraphs[next]))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Takes the dateline city and outlet marker off the first paragraph.</summary>
    private string? TakeDateline(List<string> paragraphs)
    {
        if (paragraphs.Count == 0 || !LeadMarkers.TryRead(paragraphs[0], out var marker))
        {
            return null;
        }

        AddMarkerOutlet(marker);
        var rest = marker.Rest.Trim();
        if (rest.Length > 0)
        {
            paragraphs[0] = rest;
        }
        else
        {
            paragraphs.RemoveAt(0);
        }

        return marker.Dateline;
    }

    private void AddMarkerOutlet(LeadMarker marker)
    {
        if (marker.Outlet is { } outlet)
        {
            outlets.Add((OutletSignal.LeadMarker, outlet));
        }
    }

    private string ChooseOutlet(ParseOptions options)
    {
        var named = outlets.Select(o => o.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 1)
        {
            warnings.Add($"outlet signals disagree: {string.Join(" / ", named)}");
        }

        if (outlets.Count > 0)
        {
            return outlets.MinBy(o => o.Signal).Outlet;
        }

        return options.DefaultOutlet is { } fallback && fallback.Trim().Length > 0
            ? OutletCatalog.Canonical(fallback)
            : ArticleParser.UnknownOutlet;
    }

    private ArticleDate? ChooseDate() =>
        dates.Count == 0
            ? null
            : dates.OrderByDescending(d => d.Label).ThenByDescending(d => d.Date.Precision).ThenByDescending(d => d.HasWeekday).First().Date;
}
