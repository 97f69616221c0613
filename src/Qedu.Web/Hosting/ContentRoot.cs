namespace Qedu.Web.Hosting;

/// <summary>
/// Where the host reads appsettings.json and keeps App_Data by default. ASP.NET Core takes the working directory, so
/// Qedu started by a service manager (working directory /) or as <c>dotnet path/to/Qedu.Web.dll</c> from elsewhere read
/// no settings at all: logging fell back to Information for everything, seven lines per API request and about 9 % of
/// the CPU under load (issue 26). So: the working directory when it holds the settings (<c>dotnet run</c> in the
/// project, a service started in the application's folder, the tests), else the application's own folder.
/// </summary>
internal static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The content root to set, or null to leave the host's choice (the working directory, or one given explicitly with
    /// <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>).
    /// </summary>
    public static string? Resolve(string[] args, string workingDirectory, string applicationDirectory)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (explicitRoot || File.Exists(Path.Combine(workingDirectory, SettingsFile)))
        {
            return null;
        }
        return File.Exists(Path.Combine(applicationDirectory, SettingsFile)) ? applicationDirectory : null;
    }
}
