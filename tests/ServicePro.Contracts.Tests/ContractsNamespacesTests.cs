using System.Reflection;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;

namespace ServicePro.Contracts.Tests;

/// <summary>
/// The shell's contracts stay module-neutral: what every module uses (extension points, components, events,
/// modules, data, users, security) never names a type of one module's contract with another
/// (<c>ServicePro.Contracts.Requests</c>, <c>ServicePro.Contracts.Chat</c>). Otherwise every module would depend on
/// that module, and a page of another module could not carry a ribbon with a Social menu.
/// </summary>
[TestClass]
public sealed class ContractsNamespacesTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] ModuleContractNamespaces = [typeof(RequestReference).Namespace!, typeof(ChatSessionEndedEvent).Namespace!];

    [TestMethod]
    public void ShellNamespaces_VisibleMembers_MentionNoModuleContract()
    {
        var shellTypes = typeof(MenuContext).Assembly.GetTypes()
            .Where(t => IsVisible(t) && !IsModuleContract(t.Namespace))
            .ToList();
        Assert.IsTrue(shellTypes.Any(t => t.Namespace == "ServicePro.Contracts.Components"), "the components are inspected too");

        var mentions = shellTypes.SelectMany(t => MentionsIn(t).Select(m => $"{t.FullName}.{m}")).ToList();

        Assert.IsEmpty(mentions, "shell contracts that name a module's contract: " + string.Join("; ", mentions));
    }

    [TestMethod]
    public void ShellNamespaces_ModuleContractsThemselves_AreStillThere()
    {
        // Guards the test above against passing vacuously: the module contracts exist, in their own namespaces.
        Assert.AreEqual("ServicePro.Contracts.Requests", typeof(RequestReference).Namespace);
        Assert.AreEqual("ServicePro.Contracts.Chat", typeof(ChatSessionEndedEvent).Namespace);
        Assert.IsTrue(MentionsIn(typeof(IRequestDirectory)).Any(), "a member naming RequestReference is found");
    }

    private static IEnumerable<string> MentionsIn(Type type)
    {
        if (type.BaseType is { } baseType && Names(baseType))
        {
            yield return $"(base {baseType.Name})";
        }

        foreach (var implemented in type.GetInterfaces().Where(Names))
        {
            yield return $"(implements {implemented.Name})";
        }

        foreach (var member in type.GetMembers(Declared))
        {
            var types = member switch
            {
                FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly => [f.FieldType],
                PropertyInfo p when IsVisible(p.GetMethod) || IsVisible(p.SetMethod) => [p.PropertyType],
                EventInfo e when IsVisible(e.AddMethod) => [e.EventHandlerType!],
                MethodBase m when IsVisible(m) => Signature(m),
                _ => Array.Empty<Type>(),
            };
            if (types.Any(Names))
            {
                yield return member.Name;
            }
        }
    }

    private static Type[] Signature(MethodBase method) =>
        [.. method.GetParameters().Select(p => p.ParameterType), .. method is MethodInfo m ? [m.ReturnType] : Array.Empty<Type>()];

    private static bool Names(Type type)
    {
        if (type.HasElementType)
        {
            return Names(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return type.GetGenericParameterConstraints().Any(Names);
        }

        return IsModuleContract(type.Namespace) || (type.IsGenericType && type.GetGenericArguments().Any(Names));
    }

    private static bool IsModuleContract(string? ns) => ns is not null && ModuleContractNamespaces.Any(m => ns == m || ns.StartsWith(m + ".", StringComparison.Ordinal));

    private static bool IsVisible(Type type) => type.IsPublic || type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem;

    private static bool IsVisible(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);
}
