using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Assessment;
using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Assessment;

/// <summary>A framework as a tree: groups, indicators, points, how each value becomes points, evidence.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FrameworkModel(FrameworkService frameworks) : PageModel
{
    public FrameworkDto Framework { get; private set; } = null!;
    public FrameworkDefinition Definition { get; private set; } = null!;
    public string UnitTypeName { get; private set; } = "";

    public async Task OnGetAsync(string code)
    {
        Framework = await frameworks.GetAsync(code);
        Definition = new FrameworkDefinition { Code = Framework.Code, Groups = Framework.Groups, Bands = Framework.Bands };
        UnitTypeName = UnitTypes.TryParse(Framework.UnitType, out var t) ? t.VietnameseName() : Framework.UnitType;
    }
}
