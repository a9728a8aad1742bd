using System.Text;

namespace ZonePolicy.Benchmarks.Generation;

/// <summary>
/// Writes a topology (TOPOLOGY.md) for a site of a given number of assets: parties, operations, data,
/// zones, assets with operating systems, firmware, services, vulnerabilities and authentication, conduits,
/// flows and a few waivers. Every id is unique and every reference resolves. The same asset count and seed
/// give the same bytes.
/// </summary>
internal sealed class SiteGenerator
{
    public const ulong DefaultSeed = 20261125;

    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly (string Name, string Version, DateOnly EndOfSupport)[] OperatingSystems =
    [
        ("Windows", "7", new DateOnly(2020, 1, 14)),
        ("Windows", "10", new DateOnly(2025, 10, 14)),
        ("Windows", "11", new DateOnly(2031, 10, 14)),
        ("Windows Server", "2012 R2", new DateOnly(2023, 10, 10)),
        ("Windows Server", "2019", new DateOnly(2029, 1, 9)),
        ("Windows Server", "2022", new DateOnly(2031, 10, 14)),
        ("Ubuntu", "20.04", new DateOnly(2025, 5, 31)),
        ("Ubuntu", "22.04", new DateOnly(2027, 4, 1)),
        ("Red Hat Enterprise Linux", "8", new DateOnly(2029, 5, 31)),
    ];

    private static readonly (int Port, string Transport, string Protocol)[] Services =
    [
        (502, "tcp", "modbus"), (102, "tcp", "s7"), (4840, "tcp", "opc-ua"), (443, "tcp", "https"), (80, "tcp", "http"),
        (22, "tcp", "ssh"), (3389, "tcp", "rdp"), (161, "udp", "snmp"), (23, "tcp", "telnet"), (21, "tcp", "ftp"),
        (44818, "tcp", "ethernet-ip"),
    ];

    private static readonly (string Protocol, int Port, bool Control, double Encrypted)[] Protocols =
    [
        ("opc-ua", 4840, true, 0.6), ("modbus", 502, true, 0.0), ("s7", 102, true, 0.0), ("https", 443, false, 1.0),
        ("ssh", 22, false, 1.0), ("rdp", 3389, false, 0.7), ("mqtt", 8883, false, 0.9), ("http", 80, false, 0.0),
        ("vnc", 5900, false, 0.1), ("ftp", 21, false, 0.0), ("syslog", 514, false, 0.2), ("telnet", 23, false, 0.0),
    ];

    private static readonly string[] OsTypes = ["workstation", "server", "cad", "mes", "historian", "scada", "hmi", "engineering-workstation", "remote-maintenance"];
    private static readonly string[] FirmwareTypes = ["plc", "robot", "agv", "iot-sensor", "camera", "wireless-ap", "firewall", "data-diode", "vpn-gateway", "switch", "router"];
    private static readonly string[] RadioTypes = ["iot-sensor", "agv", "camera", "wireless-ap"];
    private static readonly string[] Components = ["openssl", "log4j", "zlib", "runtime"];
    private static readonly string[] Vendors = ["Acme Automation", "Northwind Controls", "Contoso Industrial", "Fabrikam Systems", "Tailspin Robotics", "Litware Networks"];
    private static readonly string[] Levels = ["low", "medium", "high", "critical"];
    private static readonly string[] PartyKinds = ["supplier", "service-provider", "cloud-provider", "partner", "integrator"];
    private static readonly string[] Certifications = ["IEC 62443-4-1", "IEC 62443-2-4", "SEMI E187", "ISO 27001"];
    private static readonly string[] DataCategories = ["recipe", "production-record", "design", "quality", "personal"];
    private static readonly string[] AuthMethods = ["none", "password", "password", "mfa", "certificate"];
    private static readonly string[] Protections = ["antivirus", "allowlist", "none"];
    private static readonly string[] ScanTypes = ["malware", "vulnerability", "configuration"];
    private static readonly string[] ScanEvents = ["delivery", "installation", "service", "restore"];
    private static readonly string[] Statuses = ["existing", "existing", "existing", "existing", "existing", "existing", "new", "changed", "planned"];
    private static readonly string[] Networks = ["wired", "wired", "wired", "wired", "wireless", "vpn"];

    private readonly SitePlan plan;
    private readonly SeededRandom random;
    private readonly int parties;
    private readonly int operations;
    private readonly int data;
    private readonly List<int> unsupportedAssets = [];
    private int waivers;

    private SiteGenerator(int assets, ulong seed)
    {
        random = new SeededRandom(seed ^ (ulong)assets);
        plan = SitePlan.Create(assets, random);
        parties = Math.Max(5, assets / 500);
        operations = Math.Max(5, assets / 250);
        data = Math.Max(5, assets / 200);
    }

    public static void Write(int assets, TextWriter output, ulong seed = DefaultSeed) => new SiteGenerator(assets, seed).Write(output);

    private void Write(TextWriter output)
    {
        output.Write("{\n  \"schemaVersion\": \"1\",\n");
        output.Write($"  \"site\": {{ \"id\": \"bench-{plan.AssetCount}\", \"name\": \"Generated benchmark site of {plan.AssetCount} assets\" }},\n");
        Section(output, "parties", parties, Party, last: false);
        Section(output, "operations", operations, Operation, last: false);
        Section(output, "data", data, DataItem, last: false);
        Section(output, "zones", plan.Zones.Count, Zone, last: false);
        Section(output, "assets", plan.AssetCount, Asset, last: false);
        Section(output, "conduits", plan.Conduits.Count, Conduit, last: false);
        Section(output, "flows", plan.Flows.Count, Flow, last: false);
        // Waivers name assets whose operating system is out of support, so they are known only now.
        waivers = Math.Min(unsupportedAssets.Count, Math.Max(1, plan.AssetCount / 1000));
        Section(output, "waivers", waivers, Waiver, last: true);
        output.Write("}\n");
    }

    private static void Section(TextWriter output, string name, int count, Action<int, JsonLine> entity, bool last)
    {
        output.Write($"  \"{name}\": [\n");
        var text = new StringBuilder(512);
        for (var i = 0; i < count; i++)
        {
            text.Clear().Append("    ");
            JsonLine.Write(text, line => entity(i, line));
            text.Append(i + 1 < count ? ",\n" : "\n");
            output.Write(text);
        }

        output.Write(last ? "  ]\n" : "  ],\n");
    }

    private static string PartyId(int i) => $"party-{i:D4}";

    private static string OperationId(int i) => $"op-{i:D4}";

    private static string DataId(int i) => $"data-{i:D5}";

    private static string FlowId(int i) => $"f{i:D7}";

    private void Party(int i, JsonLine party)
    {
        party.String("id", PartyId(i)).String("name", $"Partner company {i}").String("kind", PartyKinds[i % PartyKinds.Length])
            .Bool("securityPolicy", random.Chance(0.7)).Bool("vulnerabilityContact", random.Chance(0.6)).Bool("incidentResponse", random.Chance(0.5));
        if (random.Chance(0.6))
        {
            party.Object("contract", c => c.Bool("sla", random.Chance(0.8)).Bool("incidentResponsibility", random.Chance(0.6))
                .Bool("dataHandlingOnTermination", random.Chance(0.5)).Date("supportEnd", random.DateBetween(Today.AddYears(-1), Today.AddYears(6))));
        }

        if (random.Chance(0.4))
        {
            party.Strings("certifications", Certifications.Where(_ => random.Chance(0.4)));
        }
    }

    private void Operation(int i, JsonLine operation)
    {
        operation.String("id", OperationId(i)).String("name", $"Operation {i}").String("importance", random.Pick(Levels))
            .Object("impact", m => m.String("safety", random.Pick(Levels)).String("quality", random.Pick(Levels))
                .String("delivery", random.Pick(Levels)).String("cost", random.Pick(Levels)).String("continuity", random.Pick(Levels)))
            .Bool("bcp", random.Chance(0.5));
        if (random.Chance(0.1))
        {
            operation.String("outsourcedTo", PartyId(random.Below(parties)));
        }
    }

    private void DataItem(int i, JsonLine item)
    {
        item.String("id", DataId(i)).String("category", random.Pick(DataCategories)).String("confidentiality", random.Pick(Levels))
            .String("integrity", random.Pick(Levels)).String("availability", random.Pick(Levels)).String("owner", PartyId(random.Below(parties)));
    }

    private void Zone(int i, JsonLine zone)
    {
        var planned = plan.Zones[i];
        zone.String("id", planned.Id).String("name", $"{SitePlan.KindName(planned.Kind)} zone {i} of plant {planned.Plant}").String("kind", SitePlan.KindName(planned.Kind));
        int? level = planned.Kind switch
        {
            ZoneKind.External => null,
            ZoneKind.Enterprise => 1,
            ZoneKind.Dmz or ZoneKind.Operations => 2,
            ZoneKind.Supervisory => random.Chance(0.5) ? 2 : 3,
            ZoneKind.Control => random.Chance(0.8) ? 3 : 4,
            _ => 4,
        };
        if (level is { } sl)
        {
            zone.Number("securityLevel", sl);
        }

        zone.Number("purdueLevel", planned.Kind switch
        {
            ZoneKind.External => 5m,
            ZoneKind.Enterprise => 4m,
            ZoneKind.Dmz => 3.5m,
            ZoneKind.Operations => 3m,
            ZoneKind.Supervisory => 2m,
            _ => 1m,
        });
        zone.String("status", random.Pick(Statuses)).String("importance", random.Pick(Levels)).String("location", $"plant-{planned.Plant}/building-{i % 7}");
        if (planned.Kind == ZoneKind.External)
        {
            // Party kinds cycle, so every fifth party from the third on is a cloud provider.
            zone.String("managedBy", PartyId(2 + (5 * random.Below(parties / 5))));
        }
        else if (planned.Kind is ZoneKind.Operations or ZoneKind.Supervisory or ZoneKind.Control or ZoneKind.Safety)
        {
            zone.Strings("operations", Enumerable.Range(0, 1 + random.Below(2)).Select(_ => OperationId(random.Below(operations))).Distinct());
        }
    }

    private void Asset(int i, JsonLine asset)
    {
        var type = plan.AssetType[i];
        asset.String("id", plan.AssetId(i)).String("zone", plan.Zones[plan.AssetZone[i]].Id).String("type", type);
        if (random.Chance(0.3))
        {
            asset.String("name", $"{type} {i}");
        }

        asset.String("vendor", random.Pick(Vendors)).String("criticality", random.Pick(Levels));
        if (random.Chance(0.5))
        {
            asset.String("model", $"M-{random.Between(100, 999)}");
        }

        if (random.Chance(0.4))
        {
            asset.Number("securityLevelCapability", random.Between(1, 4));
        }

        var hasOs = OsTypes.Contains(type);
        if (hasOs)
        {
            WriteOs(i, asset);
            asset.Bool("generalPurpose", type is "workstation" or "server" or "cad");
            if (random.Chance(0.8))
            {
                asset.String("endpointProtection", random.Pick(Protections));
            }
        }
        else if (FirmwareTypes.Contains(type))
        {
            asset.Object("firmware", f =>
            {
                f.String("version", $"v{random.Between(1, 9)}.{random.Between(0, 20)}");
                if (random.Chance(0.5))
                {
                    f.Date("endOfSupport", random.DateBetween(new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31)));
                }
            });
        }

        if (random.Chance(0.1))
        {
            asset.Objects("software", 1 + random.Below(2), (_, s) =>
            {
                s.String("name", random.Pick(Components)).String("version", $"{random.Between(1, 3)}.{random.Between(0, 9)}");
                if (random.Chance(0.5))
                {
                    s.Bool("oss", true).String("license", "Apache-2.0");
                }
            });
        }

        if (random.Chance(0.6))
        {
            WriteServices(asset);
        }

        if (random.Chance(0.3))
        {
            asset.Objects("vulnerabilities", 1 + random.Below(3), (_, v) => v
                .String("id", $"CVE-{random.Between(2019, 2025)}-{random.Between(10000, 99999)}")
                .Number("cvss", random.Between(10, 100) / 10m)
                .Bool("mitigated", random.Chance(0.4)));
        }

        if (random.Chance(0.6))
        {
            asset.Object("authentication", a => a.String("method", random.Pick(AuthMethods))
                .Bool("defaultCredentials", random.Chance(0.08)).Bool("sharedAccounts", random.Chance(0.2)));
        }

        WriteOperationalFacts(i, type, hasOs, asset);
    }

    private void WriteOs(int i, JsonLine asset)
    {
        var os = random.Pick(OperatingSystems);
        var dated = random.Chance(0.85);
        asset.Object("os", o =>
        {
            o.String("name", os.Name).String("version", os.Version);
            if (dated)
            {
                o.Date("endOfSupport", os.EndOfSupport);
            }
        });
        if (dated && os.EndOfSupport <= Today)
        {
            unsupportedAssets.Add(i);
        }
    }

    private void WriteServices(JsonLine asset) =>
        asset.Objects("services", 1 + random.Below(5), (_, s) =>
        {
            var service = random.Pick(Services);
            s.Number("port", service.Port).String("transport", service.Transport).String("protocol", service.Protocol);
            if (random.Chance(0.3))
            {
                s.Bool("enabled", random.Chance(0.5));
            }

            if (random.Chance(0.3))
            {
                s.Bool("required", random.Chance(0.3));
            }

            if (random.Chance(0.1))
            {
                s.String("justification", "vendor support access");
            }
        });

    private void WriteOperationalFacts(int i, string type, bool hasOs, JsonLine asset)
    {
        if (random.Chance(0.7))
        {
            asset.Bool("logging", random.Chance(0.6));
        }

        if (random.Chance(0.4))
        {
            asset.String("logsTo", plan.AssetId(plan.LogCollectors[plan.Zones[plan.AssetZone[i]].Plant]));
        }

        asset.Bool("updatable", random.Chance(0.7));
        if (RadioTypes.Contains(type))
        {
            asset.Bool("wireless", random.Chance(0.6));
        }

        if (type is "hmi" or "workstation" or "engineering-workstation" or "cad")
        {
            asset.Bool("humanUse", true);
        }

        if (type == "workstation" && random.Chance(0.05))
        {
            asset.Bool("temporary", true);
        }

        if (hasOs && random.Chance(0.6))
        {
            asset.Date("lastPatched", random.DateBetween(new DateOnly(2024, 1, 1), Today));
            asset.Number("missingCriticalPatches", random.Below(4));
        }

        if (random.Chance(0.05))
        {
            asset.Objects("scans", 1, (_, s) => s.String("type", random.Pick(ScanTypes)).String("event", random.Pick(ScanEvents))
                .Date("date", random.DateBetween(new DateOnly(2025, 1, 1), Today)).Bool("clean", random.Chance(0.8))
                .Number("openCritical", random.Below(2)).Number("openHigh", random.Below(4)));
        }

        asset.String("status", random.Pick(Statuses));
        if (random.Chance(0.5))
        {
            asset.String("supplier", PartyId(random.Below(parties)));
        }

        if (random.Chance(0.2))
        {
            asset.String("maintainer", PartyId(random.Below(parties)));
        }

        if (random.Chance(0.05))
        {
            asset.Strings("data", [DataId(random.Below(data))]);
        }

        if (random.Chance(0.2))
        {
            asset.Object("props", p => p.String("rack", $"r{random.Below(40)}").Number("line", random.Below(12)).Bool("spare", random.Chance(0.1)));
        }
    }

    private void Conduit(int i, JsonLine conduit)
    {
        var planned = plan.Conduits[i];
        conduit.String("id", plan.ConduitId(i)).Strings("zones", [plan.Zones[planned.ZoneA].Id, plan.Zones[planned.ZoneB].Id])
            .Strings("boundary", [plan.AssetId(planned.Boundary)]).Number("securityLevel", random.Between(1, 4))
            .Bool("denyByDefault", random.Chance(0.8)).Bool("monitored", random.Chance(0.6));
    }

    private void Flow(int i, JsonLine flow)
    {
        var planned = plan.Flows[i];
        var protocol = random.Pick(Protocols);
        flow.String("id", FlowId(i)).String("from", plan.AssetId(planned.From)).String("to", plan.AssetId(planned.To))
            .String("protocol", protocol.Protocol).Number("port", protocol.Port);
        if (random.Chance(0.1))
        {
            flow.String("direction", "bidirectional");
        }

        if (protocol.Control)
        {
            flow.Bool("control", random.Chance(0.7));
        }

        if (random.Chance(0.9))
        {
            flow.Bool("encrypted", random.Chance(protocol.Encrypted));
        }

        if (random.Chance(0.5))
        {
            flow.Bool("authenticated", random.Chance(0.6)).Bool("integrityProtected", random.Chance(0.5));
        }

        var status = random.Pick(Statuses);
        flow.String("status", status);
        if (status is "new" or "changed" && random.Chance(0.7))
        {
            flow.String("reviewedBy", "ot security");
        }

        if (random.Chance(0.3))
        {
            flow.String("network", random.Pick(Networks));
        }

        if (random.Chance(0.05))
        {
            flow.Strings("data", [DataId(random.Below(data))]);
        }

        if (planned.Via.Length > 0)
        {
            flow.Strings("via", planned.Via.Select(plan.AssetId));
        }

        if (planned.Conduit >= 0)
        {
            flow.String("conduit", plan.ConduitId(planned.Conduit));
        }
    }

    private void Waiver(int i, JsonLine waiver)
    {
        var asset = unsupportedAssets[(int)((long)i * unsupportedAssets.Count / waivers)];
        var expires = (i % 7) switch
        {
            3 => Today.AddDays(-20),
            5 => Today.AddDays(15),
            _ => Today.AddMonths(7),
        };
        waiver.String("id", $"w-{i:D4}").String("rule", "BM-OS-01").Strings("targets", [plan.AssetId(asset)])
            .String("reason", "replacement scheduled with the line's next shutdown").String("approvedBy", "ot security").Date("expires", expires);
    }
}
