using Microsoft.Data.Sqlite;
using NewsArchive.Core.Search;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Search;

/// <summary>
/// Our tokenizer and stemmer against SQLite's own, the guard that keeps them in step: sample text from the seeds
/// and the corpora goes through FTS5 with the index's tokenizer and through ours, and the terms must be the same.
/// </summary>
public sealed class IndexTokensTests(ITestOutputHelper output)
{
    private const string Tokenizer = "unicode61 remove_diacritics 2";

    /// <summary>
    /// The seeds and every article of the BBC, FA-KES, BuzzFeed and PTC corpora (about 5,000 files, accented names
    /// and mojibake included), and a text of every Latin letter with its accents and cases.
    /// </summary>
    private static List<string> SampleTexts() =>
    [
        .. new[] { TestPaths.Seeds, Path.Combine(TestPaths.Corpora, "bbc"), Path.Combine(TestPaths.Corpora, "fakes", "txt"),
                Path.Combine(TestPaths.Corpora, "buzzfeed-webis-2016", "txt"), Path.Combine(TestPaths.Corpora, "ptc-semeval2020") }
            .SelectMany(folder => Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories))
            .Select(File.ReadAllText)
            // FTS5 classifies characters by Unicode 6.1 and reads those added since (newer emoji) as letters: leave out what lies beyond the BMP.
            .Select(text => new string(text.Where(c => !char.IsSurrogate(c)).ToArray())),
        string.Join(' ', Enumerable.Range(0xC0, 0x24F - 0xC0 + 1).Concat(Enumerable.Range(0x1E00, 0x100)).Select(c => $"x{(char)c}x")),
    ];

    [Theory]
    [InlineData("cooperation", "cooper")]
    [InlineData("cooperetion", "cooperet")]
    [InlineData("soleimany", "soleimani")]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("generalizations", "gener")]
    [InlineData("electricity", "electr")]
    [InlineData("is", "is")]
    public void Stems_as_porter_does(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Folds_case_and_accents_and_splits_on_punctuation()
    {
        Assert.Equal(["iran", "s", "rouhani", "talks", "2015", "cafe", "erdogan"], IndexTokens.Of("Iran’s ROUHANI-talks, 2015: Café Erdoğan").ToList());
        Assert.Equal(["Iran", "s", "Rouhání"], IndexTokens.Words("Iran's (Rouhání)").ToList());
    }

    [Fact]
    public void Every_distinct_word_of_the_sample_stems_to_the_term_fts5_indexes()
    {
        using var connection = OpenMemoryDatabase();
        // The distinct words as unicode61 folds them: exactly what the porter step receives.
        var words = Column(IndexFolded(connection, SampleTexts()), "SELECT term FROM foldedTerms");
        Execute(connection, $"CREATE VIRTUAL TABLE stemmed USING fts5(text, tokenize='porter {Tokenizer}');");
        Execute(connection, "CREATE VIRTUAL TABLE stemmedInstances USING fts5vocab(stemmed, instance);");
        Insert(connection, "stemmed", words);
        var stems = Column(connection, "SELECT term FROM stemmedInstances ORDER BY doc");

        Assert.True(words.Count > 20_000, $"only {words.Count} distinct words in the sample");
        Assert.Equal(words.Count, stems.Count);
        var differences = words.Zip(stems)
            .Where(p => PorterStemmer.Stem(p.First) != p.Second)
            .Select(p => $"{p.First}: ours {PorterStemmer.Stem(p.First)}, FTS5 {p.Second}")
            .ToList();
        output.WriteLine($"{words.Count} distinct words, {stems.Distinct().Count()} stems, {differences.Count} differences");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
    }

    [Fact]
    public void Cuts_and_folds_text_into_the_words_fts5_reads()
    {
        using var connection = OpenMemoryDatabase();
        var texts = SampleTexts();
        // Per word, the number of texts holding it and of its occurrences: any difference in cutting or folding shows.
        var theirs = Column(IndexFolded(connection, texts), "SELECT term || ' ' || doc || ' ' || cnt FROM foldedTerms").Order(StringComparer.Ordinal).ToList();

        var ours = texts
            .SelectMany(text => IndexTokens.Of(text).CountBy(token => token))
            .GroupBy(count => count.Key, StringComparer.Ordinal)
            .Select(word => $"{word.Key} {word.Count()} {word.Sum(count => count.Value)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        output.WriteLine($"{texts.Count} texts, {ours.Count} distinct words");
        Assert.Equal(theirs.Except(ours).Take(10), ours.Except(theirs).Take(10));
        Assert.Equal(theirs, ours);
    }

    /// <summary>The texts in an FTS5 table with the index's tokenizer but no stemming, and its vocabulary (foldedTerms).</summary>
    private static SqliteConnection IndexFolded(SqliteConnection connection, IEnumerable<string> texts)
    {
        Execute(connection, $"CREATE VIRTUAL TABLE folded USING fts5(text, tokenize='{Tokenizer}');");
        Execute(connection, "CREATE VIRTUAL TABLE foldedTerms USING fts5vocab(folded, row);");
        Insert(connection, "folded", texts);
        return connection;
    }

    /// <summary>The SQLite the app ships (with the same FTS5), in memory: nothing here is about storage.</summary>
    private static SqliteConnection OpenMemoryDatabase()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One row per text, rowid 1, 2, 3… in order.</summary>
    private static void Insert(SqliteConnection connection, string table, IEnumerable<string> texts)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table}(text) VALUES ($text)";
        var text = command.Parameters.Add("$text", SqliteType.Text);
        foreach (var value in texts)
        {
            text.Value = value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
