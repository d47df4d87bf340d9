using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Audit;

namespace ThiDua.Web.Features.Admin;

/// <summary>The audit log with filters, and the button that re-checks the whole hash chain.</summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class AuditModel(AuditService audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "khoa")]
    public string? EntityKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "nguoi")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int? PageNumber { get; set; }

    public PagedList<AuditEntryDto> Entries { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public ChainCheck? Check { get; private set; }
    public IReadOnlyDictionary<string, string> FullNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The changed fields of an entry in Vietnamese (the raw JSON stays one click away on the page).</summary>
    public IReadOnlyList<FieldChange> Changes(AuditEntryDto entry) => audit.Changes(entry);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        Check = await audit.VerifyAsync();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Entries = await audit.ListAsync(EntityType, EntityKey, UserName, new Paging(Math.Max(1, PageNumber ?? 1), Paging.DefaultSize));
        EntityTypes = await audit.EntityTypesAsync();
        FullNames = await audit.FullNamesAsync(Entries.Items.Select(e => e.UserName));
    }
}
