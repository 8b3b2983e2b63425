"""Exports torchvision classifiers to ONNX with per-layer PyTorch references (see releng/export-onnx-fixtures)."""
import json
import sys
import warnings

import onnx
import torch
import torchvision

MODELS = ["mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small", "mnasnet1_0", "mnasnet0_5", "efficientnet_b0",
          "resnet18", "resnet50", "shufflenet_v2_x1_0", "squeezenet1_1", "googlenet", "densenet121",
          "regnet_x_400mf", "vgg16"]
WITH_WEIGHTS = "squeezenet1_1"
OPSET = 14  # HardSwish is an ONNX op from opset 14
INPUT = (1, 3, 224, 224)


def build(name):
    kwargs = {"weights": None}
    if name == "googlenet":
        kwargs.update(aux_logits=False, init_weights=True)
    return getattr(torchvision.models, name)(**kwargs).eval()


def references(model):
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
        out = model(torch.zeros(INPUT))
    for h in handles:
        h.remove()
    return layers, list(out.shape[1:])


def export(name, out_dir, with_params, suffix=""):
    torch.manual_seed(0)
    model = build(name)
    layers, output = references(model)
    path = f"{out_dir}/{name}{suffix}.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, torch.zeros(INPUT), path, export_params=with_params, opset_version=OPSET,
                          input_names=["input"], output_names=["logits"], do_constant_folding=with_params)
    onnx.checker.check_model(onnx.load(path))
    return layers, output


def main():
    out_dir = sys.argv[1]
    summary = {}
    for name in MODELS:
        layers, output = export(name, out_dir, False)
        ref = {"model": name, "torch": torch.__version__, "torchvision": torchvision.__version__, "opset": OPSET,
               "input": list(INPUT[1:]), "output": output, "layers": layers,
               "total_macs": sum(l["macs"] for l in layers), "total_weights": sum(l["weights"] for l in layers)}
        with open(f"{out_dir}/{name}.json", "w") as f:
            json.dump(ref, f, indent=1)
        summary[name] = (ref["total_macs"], ref["total_weights"], len(layers))
        print(f"{name:22s} {ref['total_macs'] / 1e6:9.2f} M MACs {ref['total_weights'] / 1e6:7.3f} M weights"
              f" {len(layers):4d} conv/linear layers", flush=True)
    export(WITH_WEIGHTS, out_dir, True, "-weights")
    print(f"{WITH_WEIGHTS}-weights.onnx written with initializers", flush=True)


if __name__ == "__main__":
    main()
