using System.Net;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Markup in a served page that would run had stored or requested text reached it unencoded: a script that is not one
/// of the site's own files, a frame or plug-in, an event handler attribute, or a script URL where a URL goes. Razor
/// encodes quotes and angle brackets inside attribute values, so a tag ends at the first '>' and a quoted value at its quote.
/// </summary>
public static partial class LiveMarkup
{
    public static List<string> In(string html) =>
    [
        .. Tags().Matches(html).Where(tag =>
            {
                var name = tag.Groups["name"].Value.ToLowerInvariant();
                var attributes = Attributes().Matches(tag.Groups["attributes"].Value)
                    .Select(a => (Name: a.Groups["name"].Value.ToLowerInvariant(), Value: WebUtility.HtmlDecode(a.Groups["value"].Value).Trim()))
                    .ToList();
                return name is "iframe" or "frame" or "object" or "embed"
                    || (name == "script" && !attributes.Any(a => a.Name == "src" && a.Value.StartsWith('/') && !a.Value.StartsWith("//", StringComparison.Ordinal)))
                    || attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)
                        || (a.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data"
                            && a.Value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
            })
        .Select(tag => tag.Value),
    ];

    [GeneratedRegex(@"<(?<name>[a-zA-Z][\w-]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<name>[^\s=/]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""']+))")]
    private static partial Regex Attributes();
}
