using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Calendar;

/// <summary>The working calendar — API.md "Rules in force" (<c>/api/v1/calendar</c>) and the earlier <c>/api/v1/holidays</c>.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        calendar.MapGet("/", Year).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?year=: the days off (statutory, substitute, the government's arrangement) and the Saturdays worked.");
        calendar.MapGet("/add-working-days", AddWorkingDays).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?start=&count=: the last day of count working days from start (the start counts when it is a working day).");
        calendar.MapPost("/days", AddDay).RequireAuthorization(Policies.Admin)
            .WithSummary("{date, kind: day_off|working_day, name, rule?, source?}: records the year's arrangement.");
        calendar.MapDelete("/days/{date}", RemoveDay).RequireAuthorization(Policies.Admin)
            .WithSummary("Removes a recorded day, or marks a computed day off as worked.");

        var holidays = app.MapGroup("/api/v1/holidays").WithTags("Calendar");
        holidays.MapGet("/", Holidays).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The days off of ?year= that notices and deadlines skip (kept for earlier clients; see /api/v1/calendar).");
        holidays.MapPost("/", AddHoliday).RequireAuthorization(Policies.Admin)
            .WithSummary("Adds a day off the government decided for the year {date, name}.");
        holidays.MapDelete("/{date}", RemoveDay).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Ok<CalendarDto>> Year(CalendarService service, int? year, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await service.YearAsync(year ?? VietnamTime.Today(clock).Year, ct));

    private static async Task<Ok<WorkingDaysSumDto>> AddWorkingDays(CalendarService service, DateOnly start, int count, CancellationToken ct) =>
        TypedResults.Ok(await service.AddWorkingDaysAsync(start, count, ct));

    private static async Task<Created<CalendarDto>> AddDay(CalendarService service, CalendarDayRequest request, CancellationToken ct)
    {
        var year = await service.AddAsync(request, ct);
        return TypedResults.Created($"/api/v1/calendar?year={year.Year}", year);
    }

    private static async Task<NoContent> RemoveDay(CalendarService service, DateOnly date, CancellationToken ct)
    {
        await service.RemoveAsync(date, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<HolidayDto>>> Holidays(CalendarService service, int? year, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await service.HolidaysAsync(year ?? VietnamTime.Today(clock).Year, ct));

    private static async Task<Created<HolidayDto>> AddHoliday(CalendarService service, HolidayRequest request, CancellationToken ct)
    {
        var holiday = await service.AddHolidayAsync(request, ct);
        return TypedResults.Created($"/api/v1/holidays?year={holiday.Date.Year}", holiday);
    }
}
