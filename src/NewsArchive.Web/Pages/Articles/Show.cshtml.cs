using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsArchive.Web.Pages.Articles;

public sealed class ShowModel(ArticleViews views) : PageModel
{
    public ArticleView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await views.LoadAsync(id, Request.Query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
