using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Infrastructure.Errors;

namespace ThiDua.Web.Infrastructure.Pages;

/// <summary>
/// The one way a page runs a command (a form's POST): run it; on success say so and redirect; on a fault the person
/// can correct — what the API answers with 400, 409, 413 or 415, decided by the same mapping as
/// <see cref="ProblemDetailsExceptionHandler"/> — put the Vietnamese message in ModelState, load the page again and
/// show it with what was typed. Faults of access (403, 404) and the unexpected are not caught here: the error page
/// shows them with their status.
/// </summary>
public abstract class CommandPageModel : PageModel
{
    /// <summary>Runs <paramref name="command"/>; on a correctable fault re-renders the page after <paramref name="reload"/>.</summary>
    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> command, Func<Task> reload, Action<DomainException>? onFields = null)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (IsCorrectable(e))
        {
            if (e is DomainException domain && onFields is not null)
            {
                onFields(domain);
            }
            else
            {
                ModelState.AddModelError(string.Empty, Describe(e));
            }
        }
        await reload();
        return Page();
    }

    /// <summary>Runs <paramref name="command"/>, then shows <paramref name="message"/> on the page at <paramref name="redirectTo"/>.</summary>
    protected Task<IActionResult> RunAsync(Func<Task> command, string message, string redirectTo, Func<Task> reload) =>
        RunAsync(async () =>
        {
            await command();
            TempData["Message"] = message;
            return Redirect(redirectTo);
        }, reload);

    /// <summary>The message and each field's own messages, once.</summary>
    public static string Describe(Exception e)
    {
        if (e is not DomainException { Errors.Count: > 0 } domain)
        {
            return e.Message;
        }
        var details = domain.Errors
            .SelectMany(kv => kv.Value)
            .Where(v => v != e.Message)
            .Distinct()
            .ToList();
        return details.Count == 0 ? e.Message : $"{e.Message} {string.Join(" ", details)}";
    }

    /// <summary>A fault the person can correct on the same page: bad input, a stale version or a step out of order, a refused file.</summary>
    public static bool IsCorrectable(Exception e) =>
        ProblemDetailsExceptionHandler.Map(e)?.Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict
            or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType;
}
