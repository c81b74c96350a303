using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Tests.Search;

public sealed partial class QueryParserTests
{
    public static TheoryData<string, string?> Expressions => new()
    {
        { "iran", "\"iran\"" },
        { "iran nuclear", "(\"iran\" AND \"nuclear\")" },
        { "iran AND nuclear", "(\"iran\" AND \"nuclear\")" },
        { "\"nuclear deal\"", "\"nuclear deal\"" },
        { "“nuclear deal”", "\"nuclear deal\"" },
        { "iran OR iraq", "(\"iran\" OR \"iraq\")" },
        { "iran | iraq", "(\"iran\" OR \"iraq\")" },
        { "iran -nuclear", "(\"iran\" NOT \"nuclear\")" },
        { "iran NOT nuclear", "(\"iran\" NOT \"nuclear\")" },
        { "iran -nuclear -sanctions", "(\"iran\" NOT (\"nuclear\" OR \"sanctions\"))" },
        { "iran -(nuclear OR sanctions)", "(\"iran\" NOT (\"nuclear\" OR \"sanctions\"))" },
        { "NOT NOT iran", "\"iran\"" },
        { "(iran OR iraq) oil", "((\"iran\" OR \"iraq\") AND \"oil\")" },
        { "iran OR iraq oil", "(\"iran\" OR (\"iraq\" AND \"oil\"))" },
        { "(iran -nuclear) OR iraq", "((\"iran\" NOT \"nuclear\") OR \"iraq\")" },
        { "cooperat*", "\"cooperat\" *" },
        { "\"islamic sta\"*", "\"islamic sta\" *" },
        { "title:iran", "Title : \"iran\"" },
        { "TITLE:iran", "Title : \"iran\"" },
        { "title:\"nuclear talks\"", "Title : \"nuclear talks\"" },
        { "title:sanction*", "Title : \"sanction\" *" },
        { "al-Maliki", "\"al Maliki\"" },
        { "Iran's", "\"Iran s\"" },
        { "+iran", "\"iran\"" },
        { "9:30", "\"9 30\"" },
        { "unknown:field", "\"unknown field\"" },
        { "or and not", "(\"or\" AND \"and\" AND \"not\")" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Compiles_each_construct_to_a_quoted_fts5_expression(string query, string? expected)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.FtsExpression);
        Assert.Equal(expected!.EndsWith(" *", StringComparison.Ordinal), parsed.HasPrefix);
    }

    [Theory]
    [InlineData("co*", false)]
    [InlineData("iran OR sanction*", true)]
    [InlineData("iran -sanction*", true)]
    [InlineData("\"a\"\" *b\"", false)]
    public void Says_whether_a_prefix_survived_the_repairs(string query, bool hasPrefix) =>
        Assert.Equal(hasPrefix, QueryParser.Parse(query).HasPrefix);

    public static TheoryData<string, string?, string> Repairs => new()
    {
        { "\"lone quote", "\"lone quote\"", "Closed a quote" },
        { "(iran", "\"iran\"", "Closed a '('" },
        { "iran)", "\"iran\"", "closes no '('" },
        { "AND OR", null, "Ignored an AND" },
        { "iran AND", "\"iran\"", "Ignored an AND" },
        { "OR iran", "\"iran\"", "Ignored an OR" },
        { "*", null, "no letters or digits" },
        { "— * ---", null, "no letters or digits" },
        { "title:", null, "title: needs a word" },
        { "title: iran", "\"iran\"", "title: needs a word" },
        { "outlet:", null, "outlet: needs a name" },
        { "iran OR -iraq", "\"iran\"", "only excludes" },
        { "ir*", "\"ir\"", "too short a prefix" },
        { "iran\u0001nuclear\u0007", "(\"iran\" AND \"nuclear\")", "control characters" },
        { "iran NOT", "\"iran\"", "Ignored a NOT" },
        { "abc* abd* abe* abf* abg*", "(\"abc\" * AND \"abd\" * AND \"abe\" * AND \"abf\" * AND \"abg\")", "At most 4 prefix" },
        { "((((((((((iran))))))))))", "\"iran\"", "nest at most" },
    };

    [Theory]
    [MemberData(nameof(Repairs))]
    public void Repairs_what_is_malformed_and_says_so(string query, string? expected, string notice)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.FtsExpression);
        Assert.Contains(parsed.Notices, n => n.Contains(notice, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-iran", "only excludes")]
    [InlineData("NOT iran -iraq", "only excludes")]
    [InlineData("-outlet:reuters -iran", "only excludes")]
    public void Answers_a_query_that_cannot_run_with_a_message(string query, string message)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Null(parsed.FtsExpression);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_queries_too_long_or_with_too_many_terms()
    {
        Assert.Contains("10,000 characters", QueryParser.Parse(new string('a', 10_000)).Error, StringComparison.Ordinal);
        var terms = string.Join(' ', Enumerable.Range(0, QueryParser.MaxTerms + 1).Select(i => $"w{i}"));
        Assert.Contains("33 terms", QueryParser.Parse(terms).Error, StringComparison.Ordinal);
        Assert.Null(QueryParser.Parse(string.Join(' ', Enumerable.Range(0, QueryParser.MaxTerms).Select(i => $"w{i}"))).Error);
    }

    [Fact]
    public void Lifts_outlets_out_of_the_text_as_filters()
    {
        var parsed = QueryParser.Parse("outlet:\"Press TV\" iran -outlet:reuters outlet:fars-news");
        Assert.Equal("\"iran\"", parsed.FtsExpression);
        Assert.Equal(["Press TV", "fars-news"], parsed.Outlets);
        Assert.Equal(["reuters"], parsed.ExcludedOutlets);

        var outletOnly = QueryParser.Parse("outlet:press-tv");
        Assert.Null(outletOnly.Error);
        Assert.False(outletOnly.HasText);
        Assert.Equal(["press-tv"], outletOnly.Outlets);

        Assert.Contains(QueryParser.Parse("iran OR outlet:cnn").Notices, n => n.Contains("whole query", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_the_plain_words_a_spelling_check_may_correct()
    {
        var parsed = QueryParser.Parse("Soleimany cooperetion \"exact phrase\" title:Tehran prefix* -excluded al-Maliki");
        Assert.Equal(["Soleimany", "cooperetion", "Tehran", "excluded"], parsed.Words);
    }

    /// <summary>
    /// Whatever the string, the parser answers without throwing, and what it hands to FTS5 runs there without a syntax
    /// error: random text drawn heavily from the language's own punctuation and keywords, plus control characters,
    /// surrogates and other scripts.
    /// </summary>
    [Fact]
    public async Task Never_throws_and_always_gives_fts5_a_valid_expression_on_random_input()
    {
        using var archive = new TempArchive();
        await archive.Database.MigrateAsync();
        using var connection = new SqliteConnection(archive.Database.ReadOnlyConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ArticlesFts WHERE ArticlesFts MATCH $q";
        var match = command.Parameters.Add("$q", SqliteType.Text);

        string[] pieces = ["(", ")", "\"", "-", "*", ":", " ", " ", " OR ", " AND ", " NOT ", "title:", "outlet:", "|", "+", "NEAR", "^", "{", "}", "'", "\u0000", "\u0007", "\u00a0", "\ud83d", "\ude00", "é", "ش", "中", "iran", "x", "42"];
        var random = new Random(20261121);
        for (var run = 0; run < 5_000; run++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => random.Next(4) == 0 ? ((char)random.Next(0, 0xFFFF)).ToString() : pieces[random.Next(pieces.Length)]));
            var parsed = QueryParser.Parse(query, AliasList.Parse("ISIL, ISIS, \"Islamic State\", =IS"));
            if (parsed.FtsExpression is { } expression)
            {
                // Outside its quoted strings, an expression holds only the syntax the compiler writes.
                Assert.Matches(@"^(AND|OR|NOT|Title|[()*: ])*$", QuotedString().Replace(expression, ""));
                match.Value = expression;
                command.ExecuteScalar(); // throws on an FTS5 syntax error
            }
        }
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex QuotedString();
}
