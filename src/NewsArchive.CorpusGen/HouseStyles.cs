using System.Globalization;
using System.Text;
using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.CorpusGen;

/// <summary>The layouts of the seed files and of the converted corpora.</summary>
public enum HouseStyle
{
    /// <summary>Seeds 000/001: headline, paragraphs, "By Press TV"; a "TEHRAN (FNA)-" dateline; odd non-breaking spaces.</summary>
    Trailer = 0,
    /// <summary>Seed 002: capture date, publication line, Story Code, headline twice, republisher notice, URL, comment form.</summary>
    RepublishedPage = 1,
    /// <summary>Seed 003: no headline or date, "RNA -" prefix, one paragraph per line, an editorial code.</summary>
    PrefixedLines = 2,
    /// <summary>Seed 004: date line, News ID, prefixed lead and photo caption, body again prefixed, comment form.</summary>
    CommentFormPage = 3,
    /// <summary>The converted corpora: headline, Source:/Date:/URL:/Author: headers, paragraphs.</summary>
    Headers = 4,
    /// <summary>The Reuters corpus: headers, hard-wrapped paragraphs with indented starts, "WASHINGTON, Feb 26 -" dateline, sign-off.</summary>
    WireCopy = 5,
    /// <summary>Agency copy: headline, "Published:" line, "BEIRUT, Lebanon (AP) —" dateline.</summary>
    Dateline = 6,
}

/// <summary>What to write: a story as one outlet publishes it.</summary>
/// <param name="Date">Publication date and time; null for an undated file.</param>
public sealed record Story(Outlet Outlet, DateTime? Date, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>Writes a story in a house style, with the incidental details (formats, IDs, cities) drawn from a file's own random stream.</summary>
public static class HouseStyles
{
    private static readonly (string City, string? Region)[] WorldCities =
    [
        ("TEHRAN", "Iran"), ("BAGHDAD", "Iraq"), ("DAMASCUS", "Syria"), ("BEIRUT", "Lebanon"), ("CAIRO", "Egypt"),
        ("ANKARA", "Turkey"), ("MOSCOW", "Russia"), ("WASHINGTON", null), ("NEW YORK", null), ("LONDON", null),
        ("PARIS", "France"), ("GENEVA", "Switzerland"), ("RIYADH", "Saudi Arabia"), ("DOHA", "Qatar"), ("KABUL", "Afghanistan"),
        ("ISLAMABAD", "Pakistan"), ("AMMAN", "Jordan"), ("SANAA", "Yemen"), ("BRUSSELS", "Belgium"), ("BEIJING", "China"),
        ("TOKYO", "Japan"), ("VIENNA", "Austria"), ("JERUSALEM", null), ("KUWAIT CITY", "Kuwait"),
    ];

    private static readonly (string Name, string Domain)[] Republishers =
    [
        ("The Iran Project", "theiranproject.com"), ("Iran Review", "iranreview.org"), ("Mideast Mirror", "mideastmirror.net"),
        ("World News Digest", "worldnewsdigest.info"),
    ];

    private static readonly string[] Authors = ["Staff Writer", "News Desk", "Foreign Desk", "Our Correspondent", "Web Editor", "Political Desk"];

    private static readonly string[] WireTopics = ["", "crude", "acq", "earn", "trade", "money-fx", "grain", "interest", "ship"];

    private const string CommentForm = "Send comment\nPlease type in your comments in English.\nThe comments that contain insults or libel to individuals, ethnicities, or contradictions with the laws of the country and religious teachings will not be disclosed";

    /// <summary>A style that never prints a date (seed 003): for undated files only.</summary>
    public static bool IsUndatedOnly(HouseStyle style) => style == HouseStyle.PrefixedLines;

    /// <summary>Styles with a headline line; in the others the parser derives a title from the lead.</summary>
    public static bool PrintsHeadline(HouseStyle style) => style is not (HouseStyle.PrefixedLines or HouseStyle.CommentFormPage);

    /// <summary>Appends the file's text; returns the publication date as printed (what the parser must read), or null.</summary>
    public static ArticleDate? Render(HouseStyle style, Story story, SeededRandom random, StringBuilder text) => style switch
    {
        HouseStyle.Trailer => Trailer(story, random, text),
        HouseStyle.RepublishedPage => RepublishedPage(story, random, text),
        HouseStyle.PrefixedLines => PrefixedLines(story, random, text),
        HouseStyle.CommentFormPage => CommentFormPage(story, random, text),
        HouseStyle.Headers => Headers(story, random, text),
        HouseStyle.WireCopy => WireCopy(story, random, text),
        HouseStyle.Dateline => Dateline(story, random, text),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    private static ArticleDate? Trailer(Story story, SeededRandom random, StringBuilder text)
    {
        text.Append(story.Title).Append('\n');
        var printed = story.Date is { } date
            ? random.Chance(0.5) ? Line(text, date, "dddd, MMMM d, yyyy", DatePrecision.Day) : Line(text, date, "MMM d, yyyy h:mm tt", DatePrecision.Minute)
            : null;
        text.Append('\n');
        if (story.Outlet.Abbreviation is { } abbreviation && random.Chance(0.7))
        {
            text.Append(CityOf(story.Outlet, random).City).Append(" (").Append(abbreviation).Append(")- ");
        }

        AppendParagraphs(text, story.Paragraphs, "\n\n", paragraph => WithNonBreakingSpaces(paragraph, random));
        text.Append("\n\nBy ").Append(story.Outlet.Name);
        return printed;
    }

    private static ArticleDate? RepublishedPage(Story story, SeededRandom random, StringBuilder text)
    {
        ArticleDate? printed = null;
        if (story.Date is { } date)
        {
            // The page's capture date comes first and must lose to the publication line.
            Line(text, date.AddDays(random.Next(1, 600)), "dd MMM yyyy", DatePrecision.Day);
            printed = Line(text, date, "dddd d MMMM yyyy - HH:mm", DatePrecision.Minute);
        }

        text.Append("Story Code : ").Append(random.Next(100000, 999999)).Append("\n\n");
        text.Append(story.Title).Append("\n\n").Append(story.Title).Append('\n');
        if (story.Outlet.Abbreviation is { } abbreviation)
        {
            text.Append(CityOf(story.Outlet, random).City).Append(" (").Append(abbreviation).Append(")- ");
        }

        text.Append(story.Paragraphs[0]).Append("\n\n\n");
        AppendParagraphs(text, story.Paragraphs.Skip(1), "\n\n", paragraph => paragraph);
        var (site, domain) = random.Pick(Republishers);
        text.Append("\n\nBy ").Append(story.Outlet.Name).Append("\n\n\u00A0\n\n")
            .Append(site).Append(" is not responsible for the content of quoted articles.\n\n")
            .Append("https://").Append(domain).Append('/').Append(Token(random, 16)).Append(".html\n")
            .Append("Your Name\nYour Email Address");
        return printed;
    }

    private static ArticleDate? PrefixedLines(Story story, SeededRandom random, StringBuilder text)
    {
        text.Append(story.Outlet.Abbreviation).Append(" - ");
        AppendParagraphs(text, story.Paragraphs, "\n", paragraph => paragraph);
        text.Append('\n').Append('R').Append(random.Next(100, 999)).Append('/').Append(random.Next(100, 999)).Append('/')
            .Append(random.Pick(["C", "D", "S"])).Append('/');
        return null;
    }

    private static ArticleDate? CommentFormPage(Story story, SeededRandom random, StringBuilder text)
    {
        var printed = story.Date is { } date ? Line(text, date, "dd MMMM yyyy - HH:mm", DatePrecision.Minute) : null;
        text.Append("News ID: ").Append(random.Next(100000, 999999)).Append('\n');
        // The lead is the headline as a sentence: a line ending without one would read as hard-wrapped text.
        text.Append(story.Outlet.Code).Append(" - ").Append(story.Title).Append(EndsSentence(story.Title) ? "" : ".").Append('\n');
        text.Append("File photo: ").Append(story.Title).Append("\n\n");
        text.Append(story.Outlet.Abbreviation).Append(" -\u00A0");
        AppendParagraphs(text, story.Paragraphs, "\n\n\n", paragraph => paragraph);
        text.Append("\n\n\n").Append(CommentForm);
        return printed;
    }

    private static ArticleDate? Headers(Story story, SeededRandom random, StringBuilder text)
    {
        text.Append(story.Title).Append("\nSource: ").Append(story.Outlet.Code).Append('\n');
        var printed = story.Date is { } date
            ? random.Chance(0.5) ? Line(text, date, "'Date: 'yyyy-MM-dd", DatePrecision.Day) : Line(text, date, "'Date: 'yyyy-MM-dd'T'HH:mm:ss", DatePrecision.Second)
            : null;
        if (random.Chance(0.5))
        {
            text.Append("URL: ").Append(UrlOf(story, random)).Append('\n');
        }

        if (random.Chance(0.3))
        {
            text.Append("Author: ").Append(random.Pick(Authors)).Append('\n');
        }

        if (random.Chance(0.3))
        {
            text.Append("Location: ").Append(CityOf(story.Outlet, random).City.ToLowerInvariant()).Append('\n');
        }

        text.Append('\n');
        AppendParagraphs(text, story.Paragraphs, "\n\n", paragraph => paragraph);
        text.Append('\n');
        return printed;
    }

    private static ArticleDate? WireCopy(Story story, SeededRandom random, StringBuilder text)
    {
        var (city, region) = CityOf(story.Outlet, random);
        text.Append(story.Title).Append("\nSource: ").Append(story.Outlet.Code).Append('\n');
        var printed = story.Date is { } date ? Line(text, date, "'Date: 'yyyy-MM-dd'T'HH:mm:ss", DatePrecision.Second) : null;
        text.Append("Topics: ").Append(random.Pick(WireTopics)).Append("\nPlaces: ").Append((region ?? "usa").ToLowerInvariant()).Append("\n\n");
        var lead = story.Date is { } day
            ? string.Create(CultureInfo.InvariantCulture, $"{city}, {day:MMM d} - {story.Paragraphs[0]}")
            : story.Paragraphs[0];
        Wrap(text, lead, indent: "");
        foreach (var paragraph in story.Paragraphs.Skip(1))
        {
            Wrap(text, paragraph, indent: "    ");
        }

        text.Append("\n ").Append(story.Outlet.Abbreviation ?? story.Outlet.Code).Append('\n');
        return printed;
    }

    private static ArticleDate? Dateline(Story story, SeededRandom random, StringBuilder text)
    {
        text.Append(story.Title).Append('\n');
        var printed = story.Date is { } date ? Line(text, date, "'Published: 'd MMMM yyyy, HH:mm", DatePrecision.Minute) : null;
        var (city, region) = CityOf(story.Outlet, random);
        text.Append('\n').Append(city);
        if (region is not null && random.Chance(0.5))
        {
            text.Append(", ").Append(region).Append(" (").Append(story.Outlet.Abbreviation).Append(") — ");
        }
        else
        {
            text.Append(" (").Append(story.Outlet.Abbreviation).Append(") - ");
        }

        AppendParagraphs(text, story.Paragraphs, "\n\n", paragraph => paragraph);
        text.Append('\n');
        return printed;
    }

    private static ArticleDate? Line(StringBuilder text, DateTime date, string format, DatePrecision precision)
    {
        text.Append(date.ToString(format, CultureInfo.InvariantCulture)).Append('\n');
        var value = precision switch
        {
            DatePrecision.Day => date.Date,
            DatePrecision.Minute => date.Date.AddMinutes(Math.Floor(date.TimeOfDay.TotalMinutes)),
            _ => date.Date.AddSeconds(Math.Floor(date.TimeOfDay.TotalSeconds)),
        };
        return new ArticleDate(value, precision);
    }

    private static void AppendParagraphs(StringBuilder text, IEnumerable<string> paragraphs, string separator, Func<string, string> dress)
    {
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            text.Append(first ? "" : separator).Append(dress(paragraph));
            first = false;
        }
    }

    /// <summary>Hard-wrapped at 68 columns like the Reuters corpus; a paragraph's first line is indented.</summary>
    private static void Wrap(StringBuilder text, string paragraph, string indent)
    {
        const int Width = 68;
        var column = 0;
        text.Append(indent);
        foreach (var word in paragraph.Split(' '))
        {
            if (column > 0 && column + 1 + word.Length > Width)
            {
                text.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                text.Append(' ');
                column++;
            }

            text.Append(word);
            column += word.Length;
        }

        text.Append('\n');
    }

    // Scraped pages keep the odd non-breaking space (seed 000); the parser reads it as a space.
    private static string WithNonBreakingSpaces(string paragraph, SeededRandom random)
    {
        if (!random.Chance(0.3))
        {
            return paragraph;
        }

        var chars = paragraph.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == ' ' && random.Chance(0.02))
            {
                chars[i] = '\u00A0';
            }
        }

        return new string(chars);
    }

    private static (string City, string? Region) CityOf(Outlet outlet, SeededRandom random)
    {
        // Mostly the home desk; the region is known for the cities of the list only.
        return outlet.City is { } home && random.Chance(0.8)
            ? (home, WorldCities.FirstOrDefault(c => c.City == home).Region)
            : random.Pick(WorldCities);
    }

    private static string UrlOf(Story story, SeededRandom random)
    {
        var slug = Slugs.From(story.Title);
        var path = story.Date is { } date ? date.ToString("yyyy/MM/dd/", CultureInfo.InvariantCulture) : "";
        return $"https://www.{Slugs.From(story.Outlet.Name).Replace("-", "", StringComparison.Ordinal)}.com/{path}{slug[..Math.Min(slug.Length, 60)]}-{random.Next(1000, 99999)}";
    }

    private static string Token(SeededRandom random, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    private static bool EndsSentence(string line) => line.Length > 0 && ".!?…\"”’»)".Contains(line[^1], StringComparison.Ordinal);
}
