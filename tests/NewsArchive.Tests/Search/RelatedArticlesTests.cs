using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Tests.Search;

/// <summary>Related articles over the archive of the whole corpora and the seeds.</summary>
[Collection(nameof(CorporaArchiveCollection))]
public sealed class RelatedArticlesTests(CorporaArchive corpora)
{
    private async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(int id, int count = 5)
    {
        await using var db = corpora.Read();
        return await new RelatedArticles(db, new ArticleStore(db), corpora.Statistics).FindAsync(id, count, CancellationToken.None);
    }

    [Theory]
    // A car bomb near Damascus (FA-KES): the other reports of Damascus bombings.
    [InlineData("fakes/txt/562_alalam_1962495631.txt", "Damascus", 4)]
    // Iran's vice-president on Iraq (a seed): the other seeds and Reuters' Iran-Iraq war reports.
    [InlineData("002_d0c6aed771c1a732.txt", "Iran", 5)]
    // The film Sideways up for awards (BBC): the other stories of its awards season.
    [InlineData("bbc/entertainment/040.txt", "Sideways", 3)]
    // A Florida election official (PTC): the other Florida election stories.
    [InlineData("ptc-semeval2020/train-articles/article999001293.txt", "Florida", 3)]
    public async Task Finds_other_stories_on_the_same_topic(string file, string topic, int atLeast)
    {
        var id = corpora.IdOf(file);

        var related = await RelatedAsync(id);

        Assert.Equal(5, related.Count);
        Assert.DoesNotContain(related, r => r.Id == id);
        var onTopic = related.Count(r => r.Title.Contains(topic, StringComparison.OrdinalIgnoreCase));
        Assert.True(onTopic >= atLeast, $"{onTopic} of 5 titles name {topic}: " + string.Join(" | ", related.Select(r => r.Title)));
    }

    [Fact]
    public async Task Gives_as_many_as_asked_best_first_and_nothing_for_an_unknown_article()
    {
        var id = corpora.IdOf("fakes/txt/562_alalam_1962495631.txt");

        var two = await RelatedAsync(id, 2);

        Assert.Equal((await RelatedAsync(id)).Take(2).Select(r => r.Id), two.Select(r => r.Id));
        Assert.Empty(await RelatedAsync(999_999));
    }
}
