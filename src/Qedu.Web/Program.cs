using System.Text.Encodings.Web;
using System.Text.Unicode;
using Qedu.Kernel;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Files;
using Qedu.Kernel.Messaging;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Web;
using Qedu.Modules;
using Qedu.Web.Components;
using Qedu.Web.Components.Layout;
using Qedu.Web.Features.Culture;
using Qedu.Web.Features.Login;
using Qedu.Web.Features.Me;
using Qedu.Web.Features.MyAccount;
using Qedu.Web.Features.Parents;
using Qedu.Web.Features.SingleSignOn;
using Qedu.Web.Hosting;
using Scalar.AspNetCore;

// The application's own folder when started from a directory without its settings (ContentRoot).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Resolve(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
var configuration = builder.Configuration;
var database = DatabaseSettings.FromConfiguration(configuration, builder.Environment.ContentRootPath);
var requireHttps = configuration.GetValue("Security:RequireHttps", !builder.Environment.IsDevelopment());

// Keys outside the database (field encryption, the audit chain, the data-protection key ring): see SecretKeys.
var keyDirectory = configuration["Security:KeyDirectory"] is { Length: > 0 } keys
    ? keys
    : SecretKeys.DefaultDirectory(database, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(new SecretKeys(keyDirectory));
// The audit log's anchors outside the database and its retention (section Audit; refused at start when too short).
builder.Services.AddSingleton(AuditCheckpointService.FromConfiguration(configuration, keyDirectory));
builder.Services.AddHostedService<AuditCheckpointService>();
// Files kept by content hash (IFileStore): Files:Store, by default in the database on PostgreSQL (every node reaches
// it) and on disk with SQLite, in Files:StoreDirectory, else beside the database file or App_Data/files (docs/files-and-pdf.md).
builder.Services.AddQeduFileStore(FileStores.Choose(configuration[FileStores.Setting], database),
    configuration[DiskFileStore.Setting] is { Length: > 0 } store ? store : DiskFileStore.DefaultDirectory(database, builder.Environment.ContentRootPath));
builder.Services.AddQeduKernel(database, outsideRequests: AccessContext.Anonymous);
builder.Services.AddQeduWebSecurity(configuration, requireHttps);
builder.Services.AddQeduModules();
// Text messages (one-time codes): the development outbox unless Sms:Mode is Gateway (docs/messaging.md).
builder.Services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));

builder.Services.AddQeduLocalization();
builder.Services.AddQeduRateLimits(configuration);
builder.Services.AddQeduProxyHeaders(configuration);
// Plain HTTP is sent to HTTPS (308 keeps the method), on the port people reach Qedu's HTTPS at (behind a proxy: 443).
builder.Services.AddHttpsRedirection(o =>
{
    o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
    o.HttpsPort = configuration.GetValue("Security:HttpsPort", 443);
});
builder.Services.AddQeduOpenApi();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRazorComponents();
// Pages carry Chinese as UTF-8 text, not as numeric character references (&#x767B;&#x5F55;): smaller and readable.
// Only the encoder's range changes; markup characters (<, >, &, quotes) are still escaped.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddCascadingAuthenticationState();
// Uploaded files wait here, owner-only, never in the shared /tmp (emptied at start: what a crash left behind).
builder.Services.AddSingleton(new WorkFiles(configuration["Files:WorkDirectory"] is { Length: > 0 } work
    ? work
    : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "work")));
builder.Services.AddSingleton<OutageLog>();
builder.Services.AddScoped<ShellInfo>();
builder.Services.AddScoped<SignInFlow>();
builder.Services.AddScoped<MyAccount>();
builder.Services.AddScoped<DevelopmentCodes>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddSingleton(new NavItem(NavSections.Overview, 0, "/", "首页", "Home", null));
// For the bureaus that connect systems to Qedu; the page itself stays public (the OpenAPI document is).
builder.Services.AddSingleton(new NavItem(NavSections.Administration, 90, "/scalar/v1", "接口文档", "API reference", null) { BureauOnly = true });

var app = builder.Build();

app.Services.GetRequiredService<WorkFiles>().Prepare();
// A gateway set up half-way stops the start; no gateway outside Development is a warning (SmsOptions.CheckAtStart).
app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value.CheckAtStart(app.Environment, app.Logger);
await app.PrepareDatabaseAsync();

// Forwarded headers first: behind a TLS proxy the request is HTTPS only once X-Forwarded-Proto has been read, and
// HSTS and the redirect below decide by the request's scheme.
app.UseForwardedHeaders();
if (requireHttps)
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Before the error handler and the body limit, so their messages are in the caller's language too.
app.UseQeduLocalization();
app.UseQeduErrorHandling();
app.UseQeduSecurityHeaders();
app.UseRouting();
// After routing: an upload endpoint's own size limit is known.
app.UseQeduApiBodyLimit(configuration);
app.UseQeduJsonBodyGuard();
app.UseRateLimiter();
app.UseQeduAdmissionCount();
app.UseAuthentication();
app.UseQeduAccess();
app.UseQeduDenialAudit();
app.UseQeduAccountSteps();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddAdditionalAssemblies(QeduModules.PageAssemblies);
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapLogin();
app.MapParents();
app.MapCulture();
app.MapSingleSignOn();
app.MapMe();
app.MapQeduModules();

app.Run();

/// <summary>The web host's entry point; public so tests can start it (WebApplicationFactory).</summary>
public partial class Program;
