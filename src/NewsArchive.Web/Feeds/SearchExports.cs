using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Feeds;

/// <summary>
/// Any browse or search state, as the same query string, in other formats: /search.atom (the newest 50, for feed
/// readers), /search.csv and /search.json (every hit up to <see cref="Limit"/>, streamed in result order).
/// </summary>
public static class SearchExports
{
    /// <summary>Enough for any study of one query, small enough (about 10 MB of CSV) to stay a download.</summary>
    public const int Limit = 50_000;

    private const int FeedEntries = 50;

    public static IEndpointRouteBuilder MapSearchExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search.csv", CsvAsync);
        app.MapGet("/search.json", JsonAsync);
        app.MapGet("/search.atom", AtomAsync);
        return app;
    }

    private static async Task<IResult> CsvAsync(HttpContext context, IArticleSearch search, AliasList aliases)
    {
        if (Validate(context, aliases, out var errors) is not { } query)
        {
            return ArticlesApi.Invalid(errors);
        }

        var export = await search.ExportAsync(query, Limit, context.RequestAborted);
        StartDownload(context, export, "text/csv; charset=utf-8", "csv");
        // RFC 4180 ends records with CRLF, on every platform.
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        await writer.WriteLineAsync("id,url,title,outlet,published_at,dateline,source_id,source_url,file");
        await foreach (var a in export.Articles.WithCancellation(context.RequestAborted))
        {
            string?[] fields = [a.Id.ToString(CultureInfo.InvariantCulture), ArticleUrl(context, a), a.Title, a.Outlet, a.PublishedAt?.ToIso(), a.Dateline, a.SourceId, a.SourceUrl, a.File];
            await writer.WriteLineAsync(string.Join(',', fields.Select(Csv.Field)));
        }

        return Results.Empty;
    }

    private static async Task<IResult> JsonAsync(HttpContext context, IArticleSearch search, AliasList aliases, IOptions<JsonOptions> json)
    {
        if (Validate(context, aliases, out var errors) is not { } query)
        {
            return ArticlesApi.Invalid(errors);
        }

        var export = await search.ExportAsync(query, Limit, context.RequestAborted);
        StartDownload(context, export, "application/json; charset=utf-8", "json");
        // Written into the response pipe's buffer and flushed to the client asynchronously, item batch by batch.
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("query", query.Text.Text);
        writer.WriteNumber("total", export.Total);
        writer.WriteNumber("exported", Math.Min(export.Total, Limit));
        writer.WriteBoolean("truncated", export.Total > Limit);
        writer.WriteStartArray("items");
        var flushed = 0L;
        await foreach (var article in export.Articles.WithCancellation(context.RequestAborted))
        {
            JsonSerializer.Serialize(writer, article, json.Value.SerializerOptions);
            if (writer.BytesCommitted - flushed > 32_768)
            {
                await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
                flushed = writer.BytesCommitted;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>An Atom 1.0 feed of the newest articles of a browse or search state: subscribe to a query.</summary>
    private static async Task<IResult> AtomAsync(HttpContext context, IArticleSearch search, AliasList aliases)
    {
        if (Validate(context, aliases, out var errors) is not { } query)
        {
            return ArticlesApi.Invalid(errors);
        }

        var results = await search.SearchAsync(query with { Sort = ArticleSort.Newest, Page = 1, PageSize = FeedEntries }, context.RequestAborted);
        var self = Absolute(context, context.Request.Path + context.Request.QueryString);
        var page = Absolute(context, "/search" + context.Request.QueryString);
        var updated = results.Items.Select(h => h.Article.PublishedAt?.Value).Max() ?? DateTime.UnixEpoch;
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        // Written into memory (50 entries at most), then sent asynchronously: the writer's own flushes are synchronous,
        // which Kestrel refuses once long query values (in the feed's links) fill the writer's buffer.
        using var buffer = new MemoryStream();
        await using var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
        writer.WriteElementString("title", query.Text.HasText ? $"NewsArchive: {XmlText(query.Text.Text)}" : "NewsArchive: newest articles");
        writer.WriteElementString("id", page);
        writer.WriteElementString("updated", Atom(updated));
        Link(writer, "self", self, "application/atom+xml");
        Link(writer, "alternate", page, "text/html");
        writer.WriteStartElement("author");
        writer.WriteElementString("name", "NewsArchive");
        writer.WriteEndElement();
        foreach (var hit in results.Items)
        {
            var article = hit.Article;
            writer.WriteStartElement("entry");
            writer.WriteElementString("title", article.Title);
            writer.WriteElementString("id", ArticleUrl(context, article));
            writer.WriteElementString("updated", Atom(article.PublishedAt?.Value ?? updated));
            if (article.PublishedAt is { } published)
            {
                writer.WriteElementString("published", Atom(published.Value));
            }

            Link(writer, "alternate", ArticleUrl(context, article), "text/html");
            writer.WriteStartElement("author");
            writer.WriteElementString("name", article.Outlet);
            writer.WriteEndElement();
            writer.WriteStartElement("summary");
            writer.WriteAttributeString("type", "html");
            writer.WriteString(hit.SnippetHtml);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        await writer.FlushAsync();
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }

    private static ArticleQuery? Validate(HttpContext context, AliasList aliases, out Dictionary<string, string[]> errors) =>
        context.Request.Query.ToArticleQueryRequest().Validate(out errors, aliases);

    private static void StartDownload(HttpContext context, ArticleExport export, string contentType, string extension)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"newsarchive-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{extension}\"";
        context.Response.Headers["X-Total-Count"] = export.Total.ToString(CultureInfo.InvariantCulture);
        if (export.Total > Limit)
        {
            context.Response.Headers["X-Export-Truncated"] = $"the first {Limit} of {export.Total} hits";
        }
    }

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    /// <summary>
    /// The query as typed, without the characters XML forbids (controls): the writer throws on one, and the feed would
    /// break off half-written. Stored text needs no such care: ingestion already drops controls.
    /// </summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
        }

        return kept.ToString();
    }

    /// <summary>Dates are stored as printed, without offset; the feed states them as UTC, as Atom requires an offset.</summary>
    private static string Atom(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string ArticleUrl(HttpContext context, ArticleSummary article) => Absolute(context, $"/articles/{article.Id}");

    private static string Absolute(HttpContext context, string pathAndQuery) => $"{context.Request.Scheme}://{context.Request.Host}{pathAndQuery}";
}
