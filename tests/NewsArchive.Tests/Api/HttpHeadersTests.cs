using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsArchive.Tests.Api;

/// <summary>What the app says about its responses: security headers, compression, caching, and its OpenSearch description.</summary>
public sealed partial class HttpHeadersTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/outlets", HttpStatusCode.OK)]
    [InlineData("/api/articles", HttpStatusCode.OK)]
    [InlineData("/api/articles?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/999999", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/opensearch.xml", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain(policy, p => p.Contains("unsafe-inline", StringComparison.Ordinal));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("/outlets")]
    [InlineData("/outlets/fars-news-agency")]
    [InlineData("/articles/1")]
    [InlineData("/entities")]
    [InlineData("/entities/iraq")]
    [InlineData("/no/such/page")]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block(string url)
    {
        var client = await app.ReadyClientAsync();

        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();

        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)", html);
        Assert.DoesNotMatch(@"<style|\sstyle=|\son[a-z]+=|javascript:", html);
    }

    [Theory]
    [InlineData("br", "/")]
    [InlineData("gzip", "/")]
    [InlineData("br", "/api/articles")]
    [InlineData("gzip", "/outlets/fars-news-agency")]
    [InlineData("br", "/opensearch.xml")]
    public async Task Text_is_compressed_when_the_client_accepts_it_and_decodes_to_the_same_response(string encoding, string url)
    {
        var client = await app.ReadyClientAsync();
        var plain = await client.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var decoder = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
        if (url != "/opensearch.xml")
        {
            Assert.True(compressed.Length * 2 < plain.Length, $"{url}: {compressed.Length} compressed bytes of {plain.Length}");
        }
    }

    [Fact]
    public async Task Static_files_linked_with_their_version_are_kept_a_year_others_an_hour()
    {
        var client = await app.ReadyClientAsync();
        var html = await client.GetStringAsync("/");
        var css = VersionedStylesheet().Match(html);
        Assert.True(css.Success, "the layout links no versioned stylesheet");

        var versioned = await client.GetAsync(WebUtility.HtmlDecode(css.Groups[1].Value));
        var plain = await client.GetAsync("/js/site.js");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.True(versioned.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 }, versioned.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", versioned.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl is { Public: true, MaxAge.TotalHours: 1 }, plain.Headers.CacheControl?.ToString());
        Assert.Empty(plain.Headers.CacheControl!.Extensions);
    }

    [Fact]
    public async Task OpenSearch_description_points_browsers_at_the_search_page_of_this_host()
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync("/opensearch.xml");

        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace spec = "http://a9.com/-/spec/opensearch/1.1/";
        var root = document.Root!;
        Assert.Equal(spec + "OpenSearchDescription", root.Name);
        Assert.Equal("NewsArchive", root.Element(spec + "ShortName")?.Value);
        Assert.True(root.Element(spec + "ShortName")!.Value.Length <= 16); // the spec's limit
        Assert.False(string.IsNullOrWhiteSpace(root.Element(spec + "Description")?.Value));
        var urls = root.Elements(spec + "Url").ToDictionary(u => (string)u.Attribute("type")!, u => (string)u.Attribute("template")!);
        Assert.Equal("http://localhost/search?q={searchTerms}", urls["text/html"]);
        Assert.Equal("http://localhost/opensearch.xml", urls["application/opensearchdescription+xml"]);
        // Feeds and suggestions are not served yet: the description must not promise them.
        Assert.Equal(2, urls.Count);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header");

    [GeneratedRegex("""<link rel="stylesheet" href="(/css/site\.css\?v=[^"]+)">""")]
    private static partial Regex VersionedStylesheet();
}
