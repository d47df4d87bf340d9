using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>The unit tree as of a chosen day, with search (R1, R2).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UnitService units, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ngay")]
    public string? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? TypeCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public DateOnly AsOf { get; private set; }
    public UnitType? Type { get; private set; }
    public IReadOnlyList<UnitTreeItem> Tree { get; private set; } = [];
    public IReadOnlyList<(Unit Unit, string? ParentName)> Matches { get; private set; } = [];
    public IReadOnlyList<(UnitType Type, int Count)> CountsByType { get; private set; } = [];
    public int Count { get; private set; }
    public bool Filtered => Type is not null || !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync()
    {
        AsOf = DateInput.Parse(Day, "ngay", ModelState, "Ngày") ?? VietnamTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(TypeCode))
        {
            if (UnitTypes.TryParse(TypeCode, out var type))
            {
                Type = type;
            }
            else
            {
                ModelState.AddModelError("loai", "Loại đơn vị không hợp lệ.");
            }
        }

        var directory = await units.DirectoryAsync();
        var valid = directory.Units.Where(u => u.Validity.Contains(AsOf)).ToList();
        Count = valid.Count;
        CountsByType = valid.GroupBy(u => u.Type).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        if (Filtered)
        {
            // Found in SQL (folded names, codes); ordered here by the Vietnamese alphabet, which SQL collations lack.
            var found = await units.ListAsync(Type?.Code(), AsOf, Q, Paging.FirstLargest);
            Matches = found.Items.Select(dto => directory.Find(dto.Code)!)
                .OrderBy(u => u.Type).ThenBy(u => u.Name, StringComparer.Create(WebSetup.Vietnamese, false))
                .Select(u => (u, directory.ParentOf(u, AsOf)?.Name))
                .ToList();
        }
        else
        {
            Tree = directory.TreeAsOf(AsOf);
        }
    }
}
