using System.Reflection;

namespace CollectifLive.Testing;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration these tests were built with, so the app is run from the same build.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Azurite => Path.Combine(Root, "node_modules", ".bin", "azurite");

    public static string ProjectOutput(string projectFolder, string assembly) =>
        Path.Combine(Root, "src", projectFolder, "bin", Configuration, "net10.0", assembly);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollectifLive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CollectifLive.sln not found above " + AppContext.BaseDirectory);
    }
}
