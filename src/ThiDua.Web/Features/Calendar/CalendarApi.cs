using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Calendar;

/// <summary>The days off of each year (statutory and added) — api-additions.md "Rewards".</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var holidays = app.MapGroup("/api/v1/holidays").WithTags("Calendar");
        holidays.MapGet("/", Holidays).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The days off of ?year= that notices and deadlines skip: the statutory ones and those the administrator added.");
        holidays.MapPost("/", Add).RequireAuthorization(Policies.Admin)
            .WithSummary("Adds a day off the government decided for the year (a bridge day, a shifted holiday) {date, name}.");
        holidays.MapDelete("/{date}", Remove).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<HolidayDto>>> Holidays(CalendarService service, int? year, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await service.HolidaysAsync(year ?? VietnamTime.Today(clock).Year, ct));

    private static async Task<Created<HolidayDto>> Add(CalendarService service, HolidayRequest request, CancellationToken ct)
    {
        var holiday = await service.AddAsync(request, ct);
        return TypedResults.Created($"/api/v1/holidays?year={holiday.Date.Year}", holiday);
    }

    private static async Task<NoContent> Remove(CalendarService service, DateOnly date, CancellationToken ct)
    {
        await service.RemoveAsync(date, ct);
        return TypedResults.NoContent();
    }
}
