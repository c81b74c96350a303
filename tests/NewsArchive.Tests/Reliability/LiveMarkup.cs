using System.Net;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Markup in a served page that would run had stored or requested text reached it unencoded: a tag that embeds
/// content, an event handler attribute, or a script URL in an attribute. Razor encodes quotes and angle brackets
/// inside attribute values, so a tag ends at the first '>' and a quoted value at its quote.
/// </summary>
public static partial class LiveMarkup
{
    public static List<string> In(string html) =>
    [
        .. Tags().Matches(html).Where(tag =>
            tag.Groups["name"].Value.ToLowerInvariant() is "iframe" or "img" or "svg" or "object" or "embed"
            || Attributes().Matches(tag.Groups["attributes"].Value).Any(attribute =>
                attribute.Groups["name"].Value.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
        .Select(tag => tag.Value),
    ];

    [GeneratedRegex(@"<(?<name>[a-zA-Z][\w-]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<name>[^\s=/]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""']+))")]
    private static partial Regex Attributes();
}
