using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Pages.Articles;

public sealed class ShowModel(ArticleStore store) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>Only web links are shown as links: a scraped "javascript:" URL must never become one.</summary>
    public Uri? SourceLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        SourceLink = Uri.TryCreate(article.Article.SourceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
        return Page();
    }
}
