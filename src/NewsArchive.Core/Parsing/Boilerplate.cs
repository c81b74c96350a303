using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>Whole lines that are page furniture rather than article text.</summary>
internal static partial class Boilerplate
{
    // A comment form scraped with the page: "Send comment", "Your Name", "Your Email Address", the moderation notice.
    [GeneratedRegex(@"^(?:Send (?:a )?comments?|Post (?:a )?comment|Leave a (?:comment|reply)|Your (?:Name|E-?mail(?: Address)?|Comments?)\s*\*?|Please type (?:in )?your comments?\b.*|The comments that contain\b.*\bwill not be (?:disclosed|published)\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentForm();

    // A republisher's disclaimer names the republishing site: "The Iran Project is not responsible for the content of quoted articles."
    [GeneratedRegex(@"^(?<site>\S.{1,60}?) (?:is|are) not responsible for the content of\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();

    // An editorial routing code left at the end of wire copy: "R111/108/C/".
    [GeneratedRegex(@"^(?=[^/]*\d)(?=.*[A-Z])[A-Z0-9]{1,8}(?:/[A-Z0-9]{1,8})+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex EditorialCode();

    [GeneratedRegex(@"^https?://\S+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    // "By Press TV", "By Tasnim News Agency": a byline naming an organisation, not a person ("By John Smith").
    [GeneratedRegex(@"^By\s+(?<name>.+?)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    [GeneratedRegex(@"^(?:The\s+)?(?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){0,5}(?:TV|News|Agency|Network|Press|Radio|Times|Post|Service|Channel|Media|Online)$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationName();

    // A photo caption: a position marker "(L)", "(centre)", "(2nd R)" or a "Photo:"/"File photo" label.
    [GeneratedRegex(@"\((?:(?:\d(?:st|nd|rd|th)\s+(?:from\s+)?)?[LRC]|centre|center|left|right|front|back)\)|^(?:File\s+)?photos?\b\s*[:(/-]|\((?:file\s+)?photo\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    public static bool IsCommentForm(string line) => CommentForm().IsMatch(line);

    public static bool TryReadDisclaimer(string line, out string site)
    {
        var match = Disclaimer().Match(line);
        site = match.Groups["site"].Value;
        return match.Success;
    }

    public static bool IsEditorialCode(string line) => EditorialCode().IsMatch(line);

    public static bool IsUrl(string line) => BareUrl().IsMatch(line);

    /// <summary>A closing line naming the outlet: "By Fars News Agency", or a wire sign-off such as "Reuter" / "REUTER...".</summary>
    public static bool TryReadTrailer(string line, out string outlet)
    {
        var signOff = line.TrimEnd('.', '…');
        if (OutletCatalog.TryFind(signOff, out var known))
        {
            outlet = known;
            return true;
        }

        var match = ByLine().Match(line);
        var name = match.Groups["name"].Value;
        outlet = OutletCatalog.TryFind(name, out known) ? known : name;
        return match.Success && (known is not null || OrganisationName().IsMatch(name));
    }

    public static bool IsCaption(string paragraph) => Caption().IsMatch(paragraph);
}
