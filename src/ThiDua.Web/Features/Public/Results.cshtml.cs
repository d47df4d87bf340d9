using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Features.Assessment;

namespace ThiDua.Web.Features.Public;

/// <summary>The published rankings for everyone, without login (R16): only what the Secretariat published.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class ResultsModel(FrameworkService frameworks, ResultsService results) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bo-chi-so")]
    public string? FrameworkCode { get; set; }

    public IReadOnlyList<FrameworkSummary> Published { get; private set; } = [];
    public ResultsDto? Results { get; private set; }
    public IReadOnlyList<GroupHeader> Columns { get; private set; } = [];
    public Dictionary<string, int> ColumnIndex { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Published = (await frameworks.ListAsync(null, null, Paging.FirstLargest)).Items.Where(f => f.PublishedAt is not null).ToList();
        var code = FrameworkCode ?? (Published.Count > 0 ? Published[0].Code : null);
        if (code is null || !Published.Any(f => f.Code == code))
        {
            return;
        }
        Results = await results.PublishedAsync(await frameworks.FindAsync(code));
        if (Results is not null)
        {
            Columns = Results.GroupColumns.Where(g => g.Depth == 1 && g.Scored).ToList();
            ColumnIndex = Results.GroupColumns.Select((g, k) => (g.Code, k)).ToDictionary(x => x.Code, x => x.k);
        }
    }
}
