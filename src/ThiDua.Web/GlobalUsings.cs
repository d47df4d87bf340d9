// The namespaces nearly every area file of the web project uses: errors, the DbContext, the API's paging and
// versions, authorisation and the page-command base. Area namespaces are still named where a file reaches into them.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using ThiDua.Core.Calendar;
global using ThiDua.Core.Errors;
global using ThiDua.Data;
global using ThiDua.Web.Infrastructure.Api;
global using ThiDua.Web.Infrastructure.Auth;
global using ThiDua.Web.Infrastructure.Pages;
