using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data.Notifications;

namespace ThiDua.Web.Features.Admin;

/// <summary>The e-mail outbox: what was sent, failed, or waits because SMTP is not configured.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OutboxModel(ThiDuaDbContext db, IConfiguration configuration) : PageModel
{
    public IReadOnlyList<OutboxEmail> Items { get; private set; } = [];
    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(configuration["Smtp:Host"]);

    public async Task OnGetAsync() => Items = await db.Outbox.AsNoTracking().OrderByDescending(o => o.Id).Take(200).ToListAsync();
}
