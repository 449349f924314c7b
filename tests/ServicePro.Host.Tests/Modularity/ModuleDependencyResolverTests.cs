using ServicePro.Host.Modularity;
using Node = ServicePro.Host.Modularity.ModuleDependencyResolver.Node;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleDependencyResolverTests
{
    [TestMethod]
    public void Resolve_DependencyListedLater_ComesFirst()
    {
        var result = ModuleDependencyResolver.Resolve([
            new Node("chat", ["requests"], true),
            new Node("share", [], true),
            new Node("requests", [], true),
        ]);

        CollectionAssert.AreEqual(new[] { "requests", "chat", "share" }, result.Order.ToArray());
        Assert.IsEmpty(result.Failures);
    }

    [TestMethod]
    public void Resolve_IndependentModules_KeepCatalogOrder()
    {
        var result = ModuleDependencyResolver.Resolve([new Node("b", [], true), new Node("a", [], true), new Node("c", [], true)]);

        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, result.Order.ToArray());
    }

    [TestMethod]
    public void Resolve_MissingDependency_FailsNamingIt()
    {
        var result = ModuleDependencyResolver.Resolve([new Node("chat", ["requests"], true)]);

        Assert.AreEqual("depends on 'requests', which is not listed in modules.config", result.Failures["chat"]);
    }

    [TestMethod]
    public void Resolve_DisabledDependency_FailsNamingIt()
    {
        var result = ModuleDependencyResolver.Resolve([new Node("requests", [], false), new Node("chat", ["requests"], true)]);

        Assert.AreEqual("depends on 'requests', which is disabled", result.Failures["chat"]);
        Assert.IsFalse(result.Failures.ContainsKey("requests"), "a disabled module is not failed");
    }

    [TestMethod]
    public void Resolve_Cycle_FailsEveryMemberAndNamesTheCycle()
    {
        var result = ModuleDependencyResolver.Resolve([
            new Node("a", ["b"], true),
            new Node("b", ["c"], true),
            new Node("c", ["a"], true),
            new Node("d", [], true),
        ]);

        CollectionAssert.AreEquivalent(new[] { "a", "b", "c" }, result.Failures.Keys.ToArray());
        StringAssert.Contains(result.Failures["a"], "part of a dependency cycle: a → b → c → a");
        Assert.AreEqual(4, result.Order.Count);
    }

    [TestMethod]
    public void Resolve_DependentOfFailedModule_FailsTransitively()
    {
        var result = ModuleDependencyResolver.Resolve([
            new Node("requests", [], true, Failure: "threw while loading"),
            new Node("chat", ["requests"], true),
            new Node("chat-extras", ["chat"], true),
        ]);

        Assert.AreEqual("threw while loading", result.Failures["requests"]);
        Assert.AreEqual("depends on 'requests', which failed", result.Failures["chat"]);
        Assert.AreEqual("depends on 'chat', which failed", result.Failures["chat-extras"]);
    }

    [TestMethod]
    public void Resolve_DependentOfCycle_Fails()
    {
        var result = ModuleDependencyResolver.Resolve([new Node("a", ["b"], true), new Node("b", ["a"], true), new Node("x", ["a"], true)]);

        Assert.AreEqual("depends on 'a', which failed", result.Failures["x"]);
    }
}
