using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One reward decision with the collectives and individuals it rewards.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionModel(DecisionService decisions, ThiDuaDbContext db, CurrentUser user) : PageModel
{
    public DecisionDto Decision { get; private set; } = null!;

    /// <summary>The signed PDF's record (its state while the queue renders it, or why it could not).</summary>
    public ThiDua.Data.Documents.OfficialDocument? Pdf { get; private set; }

    /// <summary>The Word source is for who keeps the dossiers (the signed PDF is for everyone).</summary>
    public bool ShowsWord => user.KeepsDossiers;

    public async Task OnGetAsync(int id)
    {
        Decision = await decisions.GetAsync(id);
        Pdf = Decision.DocumentId is Guid pdf ? await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == pdf) : null;
    }
}
