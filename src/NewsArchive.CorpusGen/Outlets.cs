namespace NewsArchive.CorpusGen;

/// <summary>What an outlet writes about, which decides the real articles its bodies come from.</summary>
public enum Beat
{
    /// <summary>The region of the seeds: Iran, Iraq, Syria, the Gulf, … (any corpus).</summary>
    MiddleEast = 0,
    /// <summary>Wire copy: the Reuters corpus.</summary>
    Wire = 1,
    /// <summary>The BBC corpus.</summary>
    Broadcast = 2,
    /// <summary>US politics portals and the propaganda corpus.</summary>
    UsPolitics = 3,
}

/// <param name="Name">The canonical name, what the parser must find.</param>
/// <param name="Code">How a <c>Source:</c> header writes it (corpus codes such as "manar").</param>
/// <param name="Abbreviation">A short alias the parser knows, for datelines "TEHRAN (FNA)-" and prefixes "RNA -"; null when none.</param>
/// <param name="City">The dateline city of its home desk; null for wires, which file from anywhere.</param>
/// <param name="Styles">Its house styles; one per file, at random.</param>
public sealed record Outlet(string Name, Beat Beat, string Code, string? Abbreviation, string? City, IReadOnlyList<HouseStyle> Styles);

/// <summary>
/// The outlets of generated corpora, most prolific first: file shares follow Zipf's law over this order
/// (weight 1/rank), as article counts per outlet do in real archives. The first 33 are the parser's known outlets,
/// written the ways the seeds and corpora write them; the last ones are unknown to it and only appear through
/// <c>Source:</c> headers, which keep any name as written.
/// </summary>
public static class Outlets
{
    private const HouseStyle Trailer = HouseStyle.Trailer;
    private const HouseStyle Republished = HouseStyle.RepublishedPage;
    private const HouseStyle Prefixed = HouseStyle.PrefixedLines;
    private const HouseStyle CommentForm = HouseStyle.CommentFormPage;
    private const HouseStyle Headers = HouseStyle.Headers;
    private const HouseStyle Wire = HouseStyle.WireCopy;
    private const HouseStyle Dateline = HouseStyle.Dateline;

    public static IReadOnlyList<Outlet> All { get; } =
    [
        new("Press TV", Beat.MiddleEast, "presstv", null, "TEHRAN", [Trailer, Headers]),
        new("Fars News Agency", Beat.MiddleEast, "Fars", "FNA", "TEHRAN", [Trailer, Republished]),
        new("Reuters", Beat.Wire, "Reuters", "Reuters", null, [Wire, Dateline]),
        new("Rasa News Agency", Beat.MiddleEast, "Rasa", "RNA", "QOM", [CommentForm, Prefixed]),
        new("Tasnim News Agency", Beat.MiddleEast, "Tasnim", "Tasnim", "TEHRAN", [Dateline, Trailer]),
        new("Associated Press", Beat.Wire, "AP", "AP", null, [Dateline]),
        new("Islamic Republic News Agency", Beat.MiddleEast, "IRNA", "IRNA", "TEHRAN", [Prefixed, Dateline, Headers]),
        new("Al-Manar", Beat.MiddleEast, "manar", null, "BEIRUT", [Headers]),
        new("Mehr News Agency", Beat.MiddleEast, "Mehr", "MNA", "TEHRAN", [Republished, CommentForm, Trailer]),
        new("BBC", Beat.Broadcast, "BBC", "BBC", "LONDON", [Headers, Trailer]),
        new("Agence France-Presse", Beat.Wire, "AFP", "AFP", null, [Dateline, Wire]),
        new("Al-Alam", Beat.MiddleEast, "alalam", null, "TEHRAN", [Headers]),
        new("CNN", Beat.UsPolitics, "cnn", "CNN", "WASHINGTON", [Headers, Dateline]),
        new("Ahram Online", Beat.MiddleEast, "ahram", null, "CAIRO", [Headers]),
        new("Politico", Beat.UsPolitics, "politico", null, "WASHINGTON", [Headers]),
        new("SANA", Beat.MiddleEast, "sana", "SANA", "DAMASCUS", [Headers, Dateline]),
        new("Daily Sabah", Beat.MiddleEast, "dailysabah", null, "ISTANBUL", [Headers]),
        new("Sputnik", Beat.MiddleEast, "sputnik", "Sputnik", "MOSCOW", [Headers, Trailer]),
        new("Al Arabiya", Beat.MiddleEast, "arabiya", null, "DUBAI", [Headers]),
        new("Al-Araby", Beat.MiddleEast, "alaraby", null, "LONDON", [Headers]),
        new("TRT", Beat.MiddleEast, "trt", "TRT", "ANKARA", [Headers, Trailer]),
        new("ABC News", Beat.UsPolitics, "abc", null, "NEW YORK", [Headers]),
        new("Jordan Times", Beat.MiddleEast, "jordantimes", null, "AMMAN", [Headers]),
        new("Asharq Al-Awsat", Beat.MiddleEast, "asharqalawsat", null, "RIYADH", [Headers]),
        new("TASS", Beat.Wire, "tass", "TASS", "MOSCOW", [Dateline, Headers]),
        new("NNA", Beat.MiddleEast, "nna", "NNA", "BEIRUT", [Headers, Dateline]),
        new("Etilaf", Beat.MiddleEast, "etilaf", null, "ISTANBUL", [Headers]),
        new("Right Wing News", Beat.UsPolitics, "right-wing-news", null, null, [Headers]),
        new("Eagle Rising", Beat.UsPolitics, "eagle-rising", null, null, [Headers]),
        new("Addicting Info", Beat.UsPolitics, "addicting-info", null, null, [Headers]),
        new("Freedom Daily", Beat.UsPolitics, "freedom-daily", null, null, [Headers]),
        new("Occupy Democrats", Beat.UsPolitics, "occupy-democrats", null, null, [Headers]),
        new("The Other 98%", Beat.UsPolitics, "the-other-98", null, null, [Headers]),
        new("Tehran Times", Beat.MiddleEast, "Tehran Times", null, "TEHRAN", [Headers]),
        new("Al Jazeera", Beat.MiddleEast, "Al Jazeera", null, "DOHA", [Headers]),
        new("Anadolu Agency", Beat.MiddleEast, "Anadolu Agency", null, "ANKARA", [Headers]),
        new("Xinhua", Beat.Wire, "Xinhua", null, "BEIJING", [Headers]),
        new("Kurdistan 24", Beat.MiddleEast, "Kurdistan 24", null, "ERBIL", [Headers]),
        new("Middle East Eye", Beat.MiddleEast, "Middle East Eye", null, "LONDON", [Headers]),
        new("The Guardian", Beat.Broadcast, "The Guardian", null, "LONDON", [Headers]),
    ];

    private static readonly double[] Cumulative = CumulativeZipf(All.Count);

    /// <summary>Index into <see cref="All"/>, with Zipf's skew: the first outlet is picked <c>n</c> times as often as the n-th.</summary>
    public static int PickIndex(SeededRandom random)
    {
        var index = Array.BinarySearch(Cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index + 1, All.Count - 1);
    }

    /// <summary>The expected share of files of the outlet at <paramref name="index"/>.</summary>
    public static double Share(int index) => Cumulative[index] - (index == 0 ? 0 : Cumulative[index - 1]);

    private static double[] CumulativeZipf(int count)
    {
        var weights = Enumerable.Range(1, count).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
