namespace NewsArchive.Tests.Clustering;

/// <summary>
/// Seed 001, a Fars News Agency story, republished by two other outlets the way republications reach an archive:
/// another headline and layout, the dateline gone or another, the outlet's own trailer, the last paragraph cut. Planted beside
/// the seeds, the three files are one story; every other seed stands alone.
/// </summary>
public static class PlantedStories
{
    /// <summary>Undated, so the dated republications come first in the story.</summary>
    public const string Original = "001_3eea3b6f31cb041f.txt";

    /// <summary>Published first (10 June 2015): the story's earliest article.</summary>
    public const string Tasnim = "planted/tasnim/dehqan-in-baghdad.txt";

    public const string PressTv = "planted/press-tv/iran-urges-regional-fight-against-isil.txt";

    /// <summary>A word of the story found in no other seed.</summary>
    public const string Word = "Jabouri";

    /// <summary>The seed's paragraphs, its dateline and "By Fars News Agency" trailer left out.</summary>
    public static string[] Paragraphs()
    {
        var parts = File.ReadAllText(Path.Combine(TestPaths.Seeds, Original)).Split("\n\n");
        return [.. parts[1..^1].Select(p => p.Replace("TEHRAN (FNA)- ", "", StringComparison.Ordinal))];
    }

    public static void Plant(TempArchive archive)
    {
        var paragraphs = Paragraphs();
        archive.Write(Tasnim, $"""
            Dehqan in Baghdad: Iran stands by Iraq against ISIL
            Source: Tasnim
            Date: 2015-06-10

            {string.Join("\n\n", paragraphs[..^1])}
            """);
        archive.Write(PressTv, $"""
            Iran urges regional fight against ISIL
            Thursday, June 11, 2015

            BAGHDAD (Press TV) – {string.Join("\n\n", paragraphs)}

            Follow Press TV on Twitter and Facebook for more news from the region.

            By Press TV
            """);
    }
}
