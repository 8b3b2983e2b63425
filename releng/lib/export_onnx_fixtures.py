"""Exports torchvision classifiers to ONNX with per-layer PyTorch references (see releng/export-onnx-fixtures)."""
import json
import sys
import warnings

import onnx
import onnx.numpy_helper
import torch
import torchvision

MODELS = ["mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small", "mnasnet1_0", "mnasnet0_5", "efficientnet_b0",
          "resnet18", "resnet50", "shufflenet_v2_x1_0", "squeezenet1_1", "googlenet", "densenet121",
          "regnet_x_400mf", "vgg16"]
WITH_WEIGHTS = "squeezenet1_1"
OPSET = 14  # HardSwish is an ONNX op from opset 14
INPUT = (1, 3, 224, 224)
# The same model at the ends of the importer's opset range 11-18: opset 11 (Unsqueeze / Squeeze axes as attributes)
# from torch.onnx; opset 18 from torch.onnx's newest opset 17 (torch 1.13) converted as ONNX's version converter
# does it for these ops: only ReduceMean changed between 17 and 18 (axes became an input), every other op of the
# graph is the same in opset 18.
OPSET_MODEL = "shufflenet_v2_x1_0"


def build(name):
    kwargs = {"weights": None}
    if name == "googlenet":
        kwargs.update(aux_logits=False, init_weights=True)
    return getattr(torchvision.models, name)(**kwargs).eval()


def references(model, shape=INPUT):
    """Per-layer figures of every Conv2d and Linear, in execution order, from forward hooks."""
    layers = []

    def hook(module_name):
        def record(module, inputs, output):
            x = inputs[0]
            if isinstance(module, torch.nn.Conv2d):
                k = module.kernel_size[0] * module.kernel_size[1]
                macs = output[0].numel() * (module.in_channels // module.groups) * k
                kind = "conv"
            else:
                macs = module.in_features * module.out_features * (output.numel() // output.shape[-1])
                kind = "linear"
            entry = {"name": module_name, "type": kind, "input": list(x.shape[1:]), "output": list(output.shape[1:]),
                     "macs": int(macs), "weights": int(module.weight.numel())}
            if kind == "conv":
                entry.update(kernel=list(module.kernel_size), stride=list(module.stride),
                             padding=list(module.padding), dilation=list(module.dilation), groups=module.groups)
            layers.append(entry)
        return record

    handles = [m.register_forward_hook(hook(n)) for n, m in model.named_modules()
               if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]
    with torch.no_grad():
        out = model(torch.zeros(shape))
    for h in handles:
        h.remove()
    return layers, list(out.shape[1:])


def export(name, out_dir, with_params, suffix="", opset=OPSET, model=None):
    torch.manual_seed(0)
    model = model if model is not None else build(name)
    layers, output = references(model)
    path = f"{out_dir}/{name}{suffix}.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, torch.zeros(INPUT), path, export_params=with_params, opset_version=opset,
                          input_names=["input"], output_names=["logits"], do_constant_folding=with_params)
    onnx.checker.check_model(onnx.load(path))
    return layers, output


def to_opset18(path):
    """Rewrites an opset-17 model as opset 18: ReduceMean's axes attribute becomes its second input."""
    model = onnx.load(path)
    assert model.opset_import[0].version == 17
    for node in model.graph.node:
        if node.op_type == "ReduceMean":
            axes = [a for a in node.attribute if a.name == "axes"]
            if axes:
                name = node.name.replace("/", "_").strip("_") + "_axes"
                model.graph.initializer.append(onnx.helper.make_tensor(name, onnx.TensorProto.INT64,
                                                                       [len(axes[0].ints)], list(axes[0].ints)))
                node.input.append(name)
                node.attribute.remove(axes[0])
        elif node.op_type in ("Split", "Pad", "Resize", "ReduceMax", "ReduceSum", "ReduceMin", "ReduceProd",
                              "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare",
                              "ScatterND", "ScatterElements", "Col2Im", "CenterCropPad"):
            raise ValueError(f"{node.op_type} changed in opset 18: not converted here")
    model.opset_import[0].version = 18
    # python3-onnx 1.12 knows opsets up to 17, so its checker cannot check this file
    onnx.save(model, path)


class LinearHead(torch.nn.Module):
    """A small classifier whose head is written as MatMul + Add (see matmul_head)."""

    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(torch.nn.Conv2d(3, 16, 3, stride=2, padding=1), torch.nn.ReLU(),
                                            torch.nn.Conv2d(16, 32, 3, stride=2, padding=1), torch.nn.ReLU())
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(32, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.features(x)), 1))


def matmul_head(out_dir):
    """LinearHead with its weights as initializers and its Linear as MatMul (x @ W^T) + Add (bias), the form that
    TensorFlow converters and PyTorch for inputs of rank > 2 write, built with onnx.helper from the PyTorch module's
    weights; references from PyTorch's forward hooks on the module."""
    torch.manual_seed(0)
    model = LinearHead().eval()
    layers, output = references(model, (1, 3, 64, 64))
    h = onnx.helper
    inits, nodes = [], []

    def weight(name, tensor):
        inits.append(onnx.numpy_helper.from_array(tensor.detach().numpy(), name))
        return name

    x = "input"
    for i in (0, 2):
        conv = model.features[i]
        nodes.append(h.make_node("Conv", [x, weight(f"features.{i}.weight", conv.weight),
                                          weight(f"features.{i}.bias", conv.bias)], [f"conv{i}"],
                                 name=f"/features/features.{i}/Conv", kernel_shape=[3, 3], strides=[2, 2],
                                 pads=[1, 1, 1, 1]))
        nodes.append(h.make_node("Relu", [f"conv{i}"], [f"relu{i}"], name=f"/features/features.{i + 1}/Relu"))
        x = f"relu{i}"
    nodes.append(h.make_node("GlobalAveragePool", [x], ["pooled"], name="/pool/GlobalAveragePool"))
    nodes.append(h.make_node("Flatten", ["pooled"], ["flat"], name="/Flatten", axis=1))
    nodes.append(h.make_node("MatMul", ["flat", weight("fc.weight_t", model.fc.weight.t().contiguous())],
                             ["fc_mm"], name="/fc/MatMul"))
    nodes.append(h.make_node("Add", ["fc_mm", weight("fc.bias", model.fc.bias)], ["logits"], name="/fc/Add"))
    graph = h.make_graph(nodes, "linear_head", [h.make_tensor_value_info("input", onnx.TensorProto.FLOAT,
                                                                          [1, 3, 64, 64])],
                         [h.make_tensor_value_info("logits", onnx.TensorProto.FLOAT, [1, 10])], initializer=inits)
    onnx_model = h.make_model(graph, opset_imports=[h.make_opsetid("", 13)], producer_name="export-onnx-fixtures")
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, f"{out_dir}/linear_head-matmul.onnx")
    write_reference(out_dir, "linear_head", layers, output, 13, (1, 3, 64, 64))


class Upsampler(torch.nn.Module):
    """Conv, nearest-neighbour upsampling (ONNX Resize, which the importer does not read), conv."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.up = torch.nn.Upsample(scale_factor=2.0, mode="nearest")
        self.conv2 = torch.nn.Conv2d(8, 8, 3, padding=1)

    def forward(self, x):
        return self.conv2(self.up(self.conv1(x)))


class UnequalSplit(torch.nn.Module):
    """Conv, then torch.split into 8 and 24 channels (ONNX Split with unequal sizes, which HAO cannot write)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 32, 3, padding=1)
        self.head = torch.nn.Conv2d(24, 8, 1)

    def forward(self, x):
        a, b = torch.split(self.conv(x), [8, 24], dim=1)
        return self.head(b) + a


def write_reference(out_dir, name, layers, output, opset, shape=INPUT):
    ref = {"model": name, "torch": torch.__version__, "torchvision": torchvision.__version__, "opset": opset,
           "input": list(shape[1:]), "output": output, "layers": layers,
           "total_macs": sum(l["macs"] for l in layers), "total_weights": sum(l["weights"] for l in layers)}
    with open(f"{out_dir}/{name}.json", "w") as f:
        json.dump(ref, f, indent=1)
    return ref


def main():
    out_dir = sys.argv[1]
    summary = {}
    for name in MODELS:
        layers, output = export(name, out_dir, False)
        ref = write_reference(out_dir, name, layers, output, OPSET)
        summary[name] = (ref["total_macs"], ref["total_weights"], len(layers))
        print(f"{name:22s} {ref['total_macs'] / 1e6:9.2f} M MACs {ref['total_weights'] / 1e6:7.3f} M weights"
              f" {len(layers):4d} conv/linear layers", flush=True)
    export(WITH_WEIGHTS, out_dir, True, "-weights")
    print(f"{WITH_WEIGHTS}-weights.onnx written with initializers", flush=True)
    export(OPSET_MODEL, out_dir, False, "-opset11", opset=11)
    export(OPSET_MODEL, out_dir, False, "-opset18", opset=17)
    to_opset18(f"{out_dir}/{OPSET_MODEL}-opset18.onnx")
    print(f"{OPSET_MODEL}-opset11.onnx and -opset18.onnx written", flush=True)
    matmul_head(out_dir)
    print("linear_head-matmul.onnx written (MatMul + Add head, initializers)", flush=True)
    torch.manual_seed(0)
    export("upsampler", out_dir, False, "-unsupported", opset=13, model=Upsampler().eval())
    print("upsampler-unsupported.onnx written (Resize: not supported by the importer)", flush=True)
    torch.manual_seed(0)
    export("split", out_dir, False, "-unequal", opset=13, model=UnequalSplit().eval())
    print("split-unequal.onnx written (Split into 8 + 24 channels: not supported by the importer)", flush=True)


if __name__ == "__main__":
    main()
