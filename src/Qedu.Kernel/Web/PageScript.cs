namespace Qedu.Kernel.Web;

/// <summary>
/// A script a module's pages need, loaded by the shell on every page (<c>services.AddSingleton(new PageScript(...))</c>).
/// Scripts in a page's own markup would not run after Blazor's enhanced navigation, so the shell loads them once and
/// each script binds to its page's elements on load and on every enhanced page update.
/// </summary>
public sealed record PageScript(string Source);
