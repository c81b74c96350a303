using System.Xml.Linq;

namespace NewsArchive.Web.Pages;

/// <summary>
/// /opensearch.xml, which the layout links to: browsers offer the archive as a search engine of their own.
/// Templates are absolute URLs (the spec asks for them), built from the address the request came to.
/// </summary>
public static class OpenSearch
{
    private const string ContentType = "application/opensearchdescription+xml";

    private static readonly XNamespace Spec = "http://a9.com/-/spec/opensearch/1.1/";

    public static IEndpointRouteBuilder MapOpenSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/opensearch.xml", (HttpRequest request) =>
        {
            var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
            var description = new XElement(Spec + "OpenSearchDescription",
                new XElement(Spec + "ShortName", "NewsArchive"),
                new XElement(Spec + "Description", "Search the news articles of the archive."),
                new XElement(Spec + "InputEncoding", "UTF-8"),
                Url("text/html", root + "/search?q={searchTerms}"),
                Url(ContentType, root + "/opensearch.xml", rel: "self"));
            return Results.Text($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{description}", ContentType);
        });
        return app;
    }

    private static XElement Url(string type, string template, string rel = "results") =>
        new(Spec + "Url", new XAttribute("type", type), new XAttribute("rel", rel), new XAttribute("template", template));
}
