using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>A unit with its validity, parent, predecessors and successors, children and clusters.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(UnitService units, ThiDuaDbContext db, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    public Unit Unit { get; private set; } = null!;
    public Unit? Parent { get; private set; }
    public bool IsCurrent { get; private set; }
    public IReadOnlyList<(Unit Unit, DateOnly Date)> Predecessors { get; private set; } = [];
    public IReadOnlyList<(Unit Unit, DateOnly Date)> Successors { get; private set; } = [];
    public IReadOnlyList<Unit> Children { get; private set; } = [];
    public IReadOnlyList<Cluster> Clusters { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanEditFocalPerson { get; private set; }

    [BindProperty]
    public FocalPersonInput FocalPerson { get; set; } = new();

    public sealed class FocalPersonInput
    {
        [System.ComponentModel.DataAnnotations.StringLength(256)]
        public string? Name { get; set; }

        [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        public string? Email { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(32)]
        public string? Phone { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        FocalPerson = new FocalPersonInput { Name = Unit.FocalPersonName, Email = Unit.FocalPersonEmail, Phone = Unit.FocalPersonPhone, Version = Unit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostFocalPersonAsync(string code)
    {
        if (ModelState.IsValid)
        {
            return await RunAsync(async () =>
            {
                await units.UpdateFocalPersonAsync(code, new UpdateFocalPersonRequest { Name = FocalPerson.Name, Email = FocalPerson.Email, Phone = FocalPerson.Phone }, FocalPerson.Version);
                TempData["Message"] = "Đã lưu cán bộ đầu mối.";
                return RedirectToPage(new { code });
            }, () => LoadAsync(code));
        }
        await LoadAsync(code);
        return Page();
    }

    private async Task<bool> LoadAsync(string code)
    {
        var directory = await units.DirectoryAsync();
        if (directory.Find(code) is not { } unit)
        {
            return false;
        }
        Unit = unit;
        var today = VietnamTime.Today(clock);
        IsCurrent = unit.Validity.Contains(today);
        var day = IsCurrent ? today : unit.ValidTo ?? today;
        Parent = directory.ParentOf(unit, day);
        Predecessors = directory.PredecessorsOf(unit).ToList();
        Successors = directory.SuccessorsOf(unit).ToList();
        Children = directory.ChildrenOf(unit, day).OrderBy(c => c.Name, StringComparer.Create(WebSetup.Vietnamese, false)).ToList();
        Clusters = await db.Clusters.AsNoTracking().Where(c => c.Members.Any(m => m.UnitId == unit.Id)).OrderByDescending(c => c.Year).ToListAsync();
        CanManage = await user.HasPolicyAsync(Policies.ManageUnits);
        CanEditFocalPerson = await user.CanAsync(unit.Id, UnitScope.Act);
        return true;
    }
}
