using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>What a "Key: value" header line tells the parser.</summary>
internal enum HeaderRole
{
    /// <summary>Known metadata the archive does not keep (Author:, Topics:, Label:...): recognised only to keep it out of the body.</summary>
    Other = 0,
    Outlet = 1,
    PublishedDate = 2,
    UpdatedDate = 3,
    Url = 4,
    SourceId = 5,
}

internal readonly record struct HeaderLine(HeaderRole Role, string Value);

/// <summary>
/// Header lines of converted corpora and news pages ("Source: abc", "Story Code : 129222").
/// Only listed keys count: a headline such as "VP: Iran, Iraq continue..." has the same shape.
/// </summary>
internal static partial class HeaderLines
{
    private static readonly Dictionary<string, HeaderRole> RoleByKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Source"] = HeaderRole.Outlet,
        ["Outlet"] = HeaderRole.Outlet,
        ["Date"] = HeaderRole.PublishedDate,
        ["Dated"] = HeaderRole.PublishedDate,
        ["Published"] = HeaderRole.PublishedDate,
        ["Published on"] = HeaderRole.PublishedDate,
        ["Posted"] = HeaderRole.PublishedDate,
        ["Posted on"] = HeaderRole.PublishedDate,
        ["Updated"] = HeaderRole.UpdatedDate,
        ["Last updated"] = HeaderRole.UpdatedDate,
        ["URL"] = HeaderRole.Url,
        ["Link"] = HeaderRole.Url,
        ["Story Code"] = HeaderRole.SourceId,
        ["Story ID"] = HeaderRole.SourceId,
        ["News ID"] = HeaderRole.SourceId,
        ["News Code"] = HeaderRole.SourceId,
        ["Article ID"] = HeaderRole.SourceId,
        ["ID"] = HeaderRole.SourceId,
        ["Author"] = HeaderRole.Other,
        ["Orientation"] = HeaderRole.Other,
        ["Veracity"] = HeaderRole.Other,
        ["Location"] = HeaderRole.Other,
        ["Label"] = HeaderRole.Other,
        ["Topics"] = HeaderRole.Other,
        ["Places"] = HeaderRole.Other,
        ["Category"] = HeaderRole.Other,
        ["Tags"] = HeaderRole.Other,
    };

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z][A-Za-z ]{0,15}?)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    public static bool TryRead(string line, out HeaderLine header)
    {
        header = default;
        var match = KeyValue().Match(line);
        if (!match.Success || !RoleByKey.TryGetValue(match.Groups["key"].Value, out var role))
        {
            return false;
        }

        header = new HeaderLine(role, match.Groups["value"].Value.Trim());
        return true;
    }
}
