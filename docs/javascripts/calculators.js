/* Calculators: one small implementation per calculator, a shared harness that
   validates input next to each field, and results that update as you type.
   Rules and constants come from data/ through the page (calc-config JSON).
   Nothing here may ever show NaN, Infinity or undefined. The pure parts
   (implementations, number reading, output format) also run in the Node tests. */
(function (global) {
  "use strict";

  var fmt = function (n, digits) {
    return n.toLocaleString("en-US", { maximumFractionDigits: digits === undefined ? 2 : digits });
  };
  var ceil = Math.ceil, pow = Math.pow;

  /* ---- CIDR helpers ---- */
  function parseCidr(text) {
    var m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})\s*$/.exec(text || "");
    if (!m) return { error: "Enter a CIDR block like 10.0.0.0/16." };
    var o = m.slice(1, 5).map(Number), prefix = Number(m[5]);
    if (o.some(function (x) { return x > 255; })) return { error: "Each number of the address must be 0 to 255." };
    if (prefix > 32) return { error: "The prefix after / must be 0 to 32." };
    var ip = ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
    var size = pow(2, 32 - prefix);
    var base = Math.floor(ip / size) * size;
    if (base !== ip) return { error: "Host bits are set; did you mean " + ipText(base) + "/" + prefix + "?" };
    return { ip: ip, prefix: prefix, size: size };
  }
  function ipText(n) {
    return [24, 16, 8, 0].map(function (s) { return Math.floor(n / pow(2, s)) % 256; }).join(".");
  }

  /* ---- implementations: uses(v) lists the inputs in play; compute(v, c) returns
         {out: {...}, formula: "...", extra: [lines]} or {errors: {input: message}} ---- */
  var IMPL = {
    "cidr-planner": {
      compute: function (v, c) {
        var vpc = parseCidr(v.vpc);
        if (vpc.error) return { errors: { vpc: vpc.error } };
        if (vpc.prefix < c.vpc_largest_prefix || vpc.prefix > c.vpc_smallest_prefix)
          return { errors: { vpc: "A VPC CIDR must be between /" + c.vpc_largest_prefix + " and /" + c.vpc_smallest_prefix + "." } };
        var n = v.azs * v.tiers, bits = ceil(Math.log2(n)), sub = vpc.prefix + bits;
        if (sub > c.vpc_smallest_prefix)
          return { errors: { tiers: n + " subnets of a /" + vpc.prefix + " would be /" + sub + ", smaller than the /" + c.vpc_smallest_prefix + " minimum." } };
        var others = [], errors = {};
        (v.others || "").split(/[\s,]+/).filter(Boolean).forEach(function (t) {
          var p = parseCidr(t);
          if (p.error) errors.others = "'" + t + "': " + p.error;
          else others.push({ text: t, p: p });
        });
        if (errors.others) return { errors: errors };
        var subSize = pow(2, 32 - sub), usable = subSize - c.reserved_per_subnet, extra = [];
        for (var i = 0; i < n; i++) {
          extra.push("Tier " + (Math.floor(i / v.azs) + 1) + ", AZ " + "abcdef"[i % v.azs] + ": " +
            ipText(vpc.ip + i * subSize) + "/" + sub + " (" + fmt(usable) + " usable)");
        }
        var overlaps = others.filter(function (o) { return o.p.ip < vpc.ip + vpc.size && vpc.ip < o.p.ip + o.p.size; });
        overlaps.forEach(function (o) { extra.push("⚠ " + o.text + " overlaps the VPC " + v.vpc.trim() + ": they cannot be peered or routed to each other."); });
        return {
          out: { vpc_addresses: vpc.size, subnets: n, subnet_prefix: sub, subnet_addresses: subSize, usable_per_subnet: usable, usable_total: usable * n, overlaps: overlaps.length },
          formula: "/" + vpc.prefix + " split into " + n + " subnets needs " + bits + " more bits → /" + sub + "; usable per subnet = 2^(32 − " + sub + ") − " + c.reserved_per_subnet + " reserved = " + fmt(usable) + ".",
          extra: extra
        };
      }
    },

    "ebs-performance": {
      uses: function (v) {
        return { gp2: ["type", "size"], gp3: ["type", "size", "iops", "throughput"], io1: ["type", "size", "iops"], io2: ["type", "size", "iops"], st1: ["type", "size"], sc1: ["type", "size"] }[v.type] || ["type"];
      },
      compute: function (v, c) {
        var t = v.type, s = v.size, tib = s / 1024;
        var sizes = { gp2: [1, c.gp2_max_gib], gp3: [1, c.ssd_max_gib], io1: [4, c.io1_max_gib], io2: [4, c.ssd_max_gib], st1: [c.hdd_min_gib, c.hdd_max_gib], sc1: [c.hdd_min_gib, c.hdd_max_gib] }[t];
        if (s < sizes[0] || s > sizes[1]) return { errors: { size: t + " volumes are " + fmt(sizes[0]) + " to " + fmt(sizes[1]) + " GiB." } };
        if (t === "gp2") {
          var base = Math.min(c.gp2_max_iops, Math.max(c.gp2_min_iops, c.gp2_iops_per_gib * s));
          var bursts = base < c.gp2_burst_iops;
          return {
            out: { baseline_iops: base, max_iops: Math.max(base, c.gp2_burst_iops), burst_minutes: bursts ? c.gp2_credits / (c.gp2_burst_iops - base) / 60 : "no burst: baseline ≥ " + fmt(c.gp2_burst_iops), throughput: "up to " + c.gp2_max_mibs + " MiB/s" },
            formula: "baseline = min(" + fmt(c.gp2_max_iops) + ", max(" + c.gp2_min_iops + ", " + c.gp2_iops_per_gib + " × " + fmt(s) + " GiB)) = " + fmt(base) + " IOPS" +
              (bursts ? "; burst lasts " + fmt(c.gp2_credits) + " credits ÷ (" + fmt(c.gp2_burst_iops) + " − " + fmt(base) + ") = " + fmt(c.gp2_credits / (c.gp2_burst_iops - base), 0) + " s." : "; at or above " + fmt(c.gp2_burst_iops) + " IOPS there is no burst.")
          };
        }
        if (t === "gp3") {
          if (v.iops < c.gp3_base_iops || v.iops > Math.min(c.gp3_max_iops, c.gp3_iops_per_gib * s))
            return { errors: { iops: "gp3 allows " + fmt(c.gp3_base_iops) + " to " + fmt(Math.max(c.gp3_base_iops, Math.min(c.gp3_max_iops, c.gp3_iops_per_gib * s))) + " IOPS at " + fmt(s) + " GiB (" + c.gp3_iops_per_gib + " per GiB, max " + fmt(c.gp3_max_iops) + ")." } };
          var tpMax = Math.min(c.gp3_max_mibs, c.gp3_mibs_per_iops * v.iops);
          if (v.throughput < c.gp3_base_mibs || v.throughput > Math.max(c.gp3_base_mibs, tpMax))
            return { errors: { throughput: "gp3 allows " + c.gp3_base_mibs + " to " + fmt(Math.max(c.gp3_base_mibs, tpMax)) + " MiB/s at " + fmt(v.iops) + " IOPS (" + c.gp3_mibs_per_iops + " MiB/s per IOPS, max " + fmt(c.gp3_max_mibs) + ")." } };
          return {
            out: { baseline_iops: v.iops, max_iops: v.iops, burst_minutes: "no burst: gp3 is provisioned", throughput: v.throughput + " MiB/s" },
            formula: "gp3 includes " + fmt(c.gp3_base_iops) + " IOPS and " + c.gp3_base_mibs + " MiB/s at any size; you provision up to " + c.gp3_iops_per_gib + " IOPS per GiB (max " + fmt(c.gp3_max_iops) + ") and " + c.gp3_mibs_per_iops + " MiB/s per IOPS (max " + fmt(c.gp3_max_mibs) + ")."
          };
        }
        if (t === "io1" || t === "io2") {
          var per = c[t + "_iops_per_gib"], top = c[t + "_max_iops"], allowed = Math.min(top, per * s);
          if (v.iops < c.io_min_iops || v.iops > allowed)
            return { errors: { iops: t + " allows " + fmt(c.io_min_iops) + " to " + fmt(allowed) + " IOPS at " + fmt(s) + " GiB (" + per + " IOPS per GiB, max " + fmt(top) + ")." } };
          return {
            out: { baseline_iops: v.iops, max_iops: v.iops, burst_minutes: "no burst: IOPS are provisioned", throughput: "scales with IOPS" },
            formula: "provisioned IOPS ≤ min(" + fmt(top) + ", " + per + " × " + fmt(s) + " GiB) = " + fmt(allowed) + "."
          };
        }
        var baseMB = Math.min(c[t + "_max_mbs"], c[t + "_base_mbs_per_tib"] * tib), burstMB = Math.min(c[t + "_max_mbs"], c[t + "_burst_mbs_per_tib"] * tib);
        return {
          out: { baseline_iops: "throughput-based (MB/s)", max_iops: "throughput-based (MB/s)", burst_minutes: "bursts on credits up to " + fmt(burstMB) + " MB/s", throughput: fmt(baseMB) + " MB/s baseline, " + fmt(burstMB) + " MB/s burst" },
          formula: "baseline = min(" + c[t + "_max_mbs"] + ", " + c[t + "_base_mbs_per_tib"] + " MB/s × " + fmt(tib, 3) + " TiB) = " + fmt(baseMB) + " MB/s; burst = min(" + c[t + "_max_mbs"] + ", " + c[t + "_burst_mbs_per_tib"] + " × " + fmt(tib, 3) + ") = " + fmt(burstMB) + " MB/s."
        };
      }
    },

    "dynamodb-capacity": {
      compute: function (v, c) {
        var rPer = ceil(v.size_kb / c.rcu_kb), wPer = ceil(v.size_kb / c.wcu_kb);
        var rFactor = { "strongly consistent": 1, "eventually consistent": 0.5, "transactional": 2 }[v.read_mode];
        var wFactor = v.write_mode === "transactional" ? 2 : 1;
        var rcu = ceil(rPer * v.reads * rFactor), wcu = ceil(wPer * v.writes * wFactor);
        return {
          out: { rcu_per_item: rPer, rcu: rcu, wcu_per_item: wPer, wcu: wcu },
          formula: "RCU = ⌈" + fmt(v.size_kb) + " KB ÷ " + c.rcu_kb + " KB⌉ = " + rPer + " × " + fmt(v.reads) + " reads/s × " + rFactor + " (" + v.read_mode + ") = " + fmt(rcu) +
            "; WCU = ⌈" + fmt(v.size_kb) + " KB ÷ " + c.wcu_kb + " KB⌉ = " + wPer + " × " + fmt(v.writes) + " writes/s × " + wFactor + " = " + fmt(wcu) + "."
        };
      }
    },

    "kinesis-shards": {
      compute: function (v, c) {
        var byMb = ceil(v.ingest_mb / c.shard_in_mbs), byRec = ceil(v.records / c.shard_in_records);
        var efo = v.fanout === "enhanced fan-out";
        var egress = efo ? ceil(v.ingest_mb / c.shard_out_mbs) : ceil(v.ingest_mb * v.consumers / c.shard_out_mbs);
        var shards = Math.max(1, byMb, byRec, egress);
        return {
          out: { shards: shards, by_ingest: byMb, by_records: byRec, by_egress: egress },
          formula: "shards = max(⌈" + fmt(v.ingest_mb) + " MB/s ÷ " + c.shard_in_mbs + "⌉, ⌈" + fmt(v.records) + " records/s ÷ " + fmt(c.shard_in_records) + "⌉, " +
            (efo ? "⌈" + fmt(v.ingest_mb) + " MB/s ÷ " + c.shard_out_mbs + " (each enhanced fan-out consumer gets its own " + c.shard_out_mbs + " MB/s per shard)⌉"
                 : "⌈" + fmt(v.ingest_mb) + " MB/s × " + v.consumers + " consumers ÷ " + c.shard_out_mbs + " MB/s shared read⌉") + ") = " + fmt(shards) + "."
        };
      }
    },

    "s3-multipart": {
      compute: function (v, c) {
        var GiB = pow(2, 30), MiB = pow(2, 20), maxObjGiB = c.max_object_tb * 1e12 / GiB;
        if (v.object_gib > maxObjGiB) return { errors: { object_gib: "The largest S3 object is " + c.max_object_tb + " TB (" + fmt(maxObjGiB, 0) + " GiB)." } };
        if (v.part_mib < c.min_part_mib || v.part_mib > c.max_part_gib * 1024)
          return { errors: { part_mib: "Parts must be " + c.min_part_mib + " MiB to " + c.max_part_gib + " GiB (" + fmt(c.max_part_gib * 1024) + " MiB); only the last part may be smaller." } };
        var bytes = v.object_gib * GiB, part = v.part_mib * MiB, parts = ceil(bytes / part);
        var minPart = Math.max(c.min_part_mib, ceil(bytes / c.max_parts / MiB));
        if (parts > c.max_parts)
          return { errors: { part_mib: fmt(parts) + " parts is more than the " + fmt(c.max_parts) + " allowed; use parts of at least " + fmt(minPart) + " MiB." } };
        var largest = Math.min(maxObjGiB, part * c.max_parts / GiB);
        return {
          out: { parts: parts, last_part_mib: (bytes - (parts - 1) * part) / MiB, largest_gib: largest, min_part_mib: minPart },
          formula: "parts = ⌈" + fmt(v.object_gib) + " GiB ÷ " + fmt(v.part_mib) + " MiB⌉ = " + fmt(parts) + " (max " + fmt(c.max_parts) + "); largest object at this part size = min(" +
            c.max_object_tb + " TB, " + fmt(v.part_mib) + " MiB × " + fmt(c.max_parts) + ") = " + fmt(largest) + " GiB."
        };
      }
    },

    "availability": {
      compute: function (v) {
        var year = 365.25 * 24 * 60, down = (1 - v.percent / 100) * year;
        var back = 100 * (1 - v.downtime_min / year);
        return {
          out: { per_year: down, per_month: down / 12, per_week: down * 7 / 365.25, per_day: down / 365.25, availability: back },
          formula: "downtime = (1 − " + v.percent + "%) × 525,960 min/year = " + fmt(down) + " min/year (" + duration(down) + "); " +
            fmt(v.downtime_min) + " min/year of downtime = " + fmt(back, 5) + "% availability."
        };
      }
    }
  };

  function duration(min) {
    var s = Math.round(min * 60), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return [d ? d + " d" : "", h ? h + " h" : "", m ? m + " min" : "", (s % 60 || !(d || h || m)) ? s % 60 + " s" : ""].filter(Boolean).join(" ");
  }

  /* ---- harness ---- */
  function readNumber(raw, spec, c) {
    var text = String(raw).trim();
    // A comma only groups thousands (1,500); "1,5" could mean 1.5 or 15, so it is refused.
    if (text.indexOf(",") >= 0) {
      if (!/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return { error: "Use a dot for decimals (1.5); a comma may only group thousands (1,500)." };
      text = text.replace(/,/g, "");
    }
    var lo = spec.min_from ? c[spec.min_from] : spec.min, hi = spec.max_from ? c[spec.max_from] : spec.max;
    if (text === "") return { error: "Enter a value." };
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { error: "Enter a number, e.g. " + spec.default + "." };
    var n = Number(text);
    if (!isFinite(n)) return { error: "That number is too large." };
    if (n < 0 && lo >= 0) return { error: "Must not be negative." };
    if (spec.integer && Math.floor(n) !== n) return { error: "Enter a whole number." };
    if (n < lo || n > hi) return { error: "Must be between " + fmt(lo, 6) + " and " + fmt(hi, 6) + (spec.unit ? " " + spec.unit : "") + "." };
    return { value: n };
  }

  /* An output as text. rounding "down" never rounds across a threshold: 99.9886 % must
     not read as 99.99 % (four nines), nor 99.99917 % as 100 %. */
  function formatOutput(value, spec) {
    var digits = spec && typeof spec.digits === "number" ? spec.digits : 2;
    if (spec && spec.rounding === "down") {
      var f = pow(10, digits);
      value = Math.floor(value * f + 1e-9) / f;
    }
    return fmt(value, digits);
  }

  /* The whole calculation for raw field values: {used, errors, outputs: {id: {value, text}},
     formula, extra}. The widget shows exactly this; the Node tests check exactly this. */
  function evaluate(cfg, raw) {
    var impl = IMPL[cfg.id];
    var used = impl.uses ? impl.uses(raw) : cfg.inputs.map(function (i) { return i.id; });
    var values = {}, errors = {};
    cfg.inputs.forEach(function (i) {
      if (used.indexOf(i.id) < 0) return;
      if (i.kind === "number") {
        var r = readNumber(raw[i.id], i, cfg.constants);
        if (r.error) errors[i.id] = r.error; else values[i.id] = r.value;
      } else values[i.id] = raw[i.id];
    });
    var res = Object.keys(errors).length ? { errors: errors } : impl.compute(values, cfg.constants);
    var outputs = {};
    cfg.outputs.forEach(function (o) {
      var v = res.errors ? null : (res.out || {})[o.id], ok = typeof v === "number" && isFinite(v);
      outputs[o.id] = { value: ok ? v : null, text: ok ? formatOutput(v, o) : (typeof v === "string" && v ? v : "–") };
    });
    return { used: used, errors: res.errors || null, outputs: outputs, formula: res.errors ? "" : res.formula, extra: res.errors ? [] : res.extra || [] };
  }

  var api = { IMPL: IMPL, readNumber: readNumber, formatOutput: formatOutput, evaluate: evaluate, implemented: Object.keys(IMPL) };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  global.SAACalculators = api;

  global.SAA.widget("calculator", function (root) {
    var cfg = JSON.parse(root.getAttribute("data-config"));  // written by the build, never by hand
    if (!IMPL[cfg.id]) throw new Error("no implementation for calculator " + cfg.id);
    var form = root.querySelector(".calc-form"), results = root.querySelector(".calc-results");
    form.hidden = false;
    results.hidden = false;
    root.classList.add("js-calc");
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    function field(id) { return form.elements[id]; }

    function update() {
      var raw = {};
      cfg.inputs.forEach(function (i) { raw[i.id] = field(i.id).value; });
      var res = evaluate(cfg, raw);
      cfg.inputs.forEach(function (i) {
        var msg = res.errors && res.errors[i.id] || "";
        field(i.id).closest(".calc-field").hidden = res.used.indexOf(i.id) < 0;
        root.querySelector("#calc-" + cfg.id + "-" + i.id + "-err").textContent = msg;
        field(i.id).setAttribute("aria-invalid", msg ? "true" : "false");
      });
      cfg.outputs.forEach(function (o) {
        var out = root.querySelector('[data-out="' + o.id + '"]'), r = res.outputs[o.id], unit = out.nextElementSibling;
        out.textContent = r.text;
        out.setAttribute("data-value", r.value === null ? "" : String(r.value));
        if (unit) unit.hidden = r.value === null;
      });
      root.querySelector(".calc-formula").textContent = res.errors ? "Fix the highlighted field to see the result." : "Formula: " + res.formula;
      var extra = root.querySelector(".calc-extra");
      extra.textContent = "";
      if (res.extra.length) {
        var ul = document.createElement("ul");
        res.extra.forEach(function (line) { var li = document.createElement("li"); li.textContent = line; ul.appendChild(li); });
        extra.appendChild(ul);
      }
      root.setAttribute("data-state", res.errors ? "error" : "ok");
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  });
})(this);
