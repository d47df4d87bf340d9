using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Rewards;

/// <summary>A person's rewards, found by full name (with or without diacritics) and, when names repeat, date of birth.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PersonRewardsModel(RewardHistoryService history) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "hoTen")]
    public string? FullName { get; set; }

    [BindProperty(SupportsGet = true, Name = "ngaySinh")]
    public DateOnly? DateOfBirth { get; set; }

    public IReadOnlyList<RewardDto> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(FullName))
        {
            Items = await history.PersonAsync(FullName, DateOfBirth);
        }
    }
}
