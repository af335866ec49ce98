using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>
/// A consumer of the package as a user would write it: an SDK project with a PackageReference to CorpusGen and an
/// AdditionalFiles line, plus whatever properties and packages the scenario needs.
/// </summary>
public sealed class ConsumerProject
{
    public ConsumerProject(string name, string targetFramework)
    {
        Name = name;
        TargetFramework = targetFramework;
    }

    /// <summary>Project (and folder, and assembly) name.</summary>
    public string Name { get; }

    public string TargetFramework { get; }

    public string OutputType { get; init; } = "Library";

    /// <summary>MSBuild properties, in order.</summary>
    public List<KeyValuePair<string, string>> Properties { get; } = new();

    /// <summary>Package references other than CorpusGen: id and version.</summary>
    public List<KeyValuePair<string, string>> Packages { get; } = new();

    /// <summary>The corpus items: the lines inside the ItemGroup, e.g. <c>&lt;AdditionalFiles Include="news/*.txt" Corpus="true" /&gt;</c>.</summary>
    public List<string> Items { get; } = new() { "<AdditionalFiles Include=\"news/*.txt\" Corpus=\"true\" />" };

    /// <summary>Source and data files: path relative to the project folder, and content.</summary>
    public Dictionary<string, string> Files { get; } = new();

    /// <summary>Files copied in: path relative to the project folder, and source path.</summary>
    public Dictionary<string, string> Copies { get; } = new();

    public string? Directory { get; private set; }

    public string ProjectPath => Path.Combine(Directory!, Name + ".csproj");

    /// <summary>The built assembly (Debug configuration).</summary>
    public string OutputAssembly => Path.Combine(Directory!, "bin", "Debug", TargetFramework, Name + ".dll");

    public ConsumerProject With(string property, string value)
    {
        Properties.Add(new(property, value));
        return this;
    }

    public ConsumerProject WithPackage(string id, string version)
    {
        Packages.Add(new(id, version));
        return this;
    }

    /// <summary>Writes the project into <paramref name="parent"/>/<see cref="Name"/>.</summary>
    public void Write(string parent, PackedPackage package)
    {
        Directory = Path.Combine(parent, Name);
        System.IO.Directory.CreateDirectory(Directory);
        var project = new StringBuilder();
        project.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n\n  <PropertyGroup>\n");
        project.Append("    <OutputType>").Append(OutputType).Append("</OutputType>\n");
        project.Append("    <TargetFramework>").Append(TargetFramework).Append("</TargetFramework>\n");
        foreach (var (name, value) in Properties)
        {
            project.Append("    <").Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append(">\n");
        }

        project.Append("  </PropertyGroup>\n\n  <ItemGroup>\n");
        project.Append("    <PackageReference Include=\"").Append(PackedPackage.PackageId).Append("\" Version=\"").Append(package.Version).Append("\" />\n");
        foreach (var (id, version) in Packages)
        {
            project.Append("    <PackageReference Include=\"").Append(id).Append("\" Version=\"").Append(version).Append("\" PrivateAssets=\"all\" />\n");
        }

        foreach (var item in Items)
        {
            project.Append("    ").Append(item).Append('\n');
        }

        project.Append("  </ItemGroup>\n\n</Project>\n");
        File.WriteAllText(ProjectPath, project.ToString());

        foreach (var (path, text) in Files)
        {
            string target = Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        foreach (var (path, source) in Copies)
        {
            string target = Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }

    /// <summary>The warning and error lines that MSBuild attributed to this project in <paramref name="output"/>.</summary>
    public IReadOnlyList<string> Diagnostics(string output)
    {
        string tag = "[" + ProjectPath + "]";
        return output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.EndsWith(tag, System.StringComparison.Ordinal)
                && (line.Contains(": error ", System.StringComparison.Ordinal) || line.Contains(": warning ", System.StringComparison.Ordinal)))
            .Distinct()
            .ToList();
    }
}
