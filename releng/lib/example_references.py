"""PyTorch definitions of the base networks of the shipped examples (examples/*.hao) and their per-layer figures.

For each example, the network written in the .hao file is built here as a torch.nn.Module from its published
PyTorch (or reference) definition, and forward hooks on every Conv2d and Linear record input / output shapes, MACs
and weight count, as releng/lib/export_onnx_fixtures.py does for the torchvision classifiers. ExamplesPyTorchTest
compares every MAC layer of each example's base network with these figures, in execution order.
Usage: python3 example_references.py OUT_DIR (see releng/example-references)."""
import json
import sys

import torch
import torchvision

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from export_onnx_fixtures import references  # noqa: E402

nn = torch.nn
INPUT = (1, 3, 224, 224)


def conv(cin, cout, k, stride=1, groups=1):
    """A k x k convolution with PyTorch's symmetric padding k // 2 (the .hao default 'same' gives the same shapes for
    odd k)."""
    return nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False)


class InvertedResidual(nn.Module):
    """1x1 expand (omitted when expand_always is False and the expansion is 1), k x k depthwise, optional
    squeeze-excite (hidden width se_hidden), 1x1 project; residual when the shapes match."""

    def __init__(self, cin, cout, expansion, k, stride, se_hidden=0, expand_always=False):
        super().__init__()
        mid = int(cin * expansion)
        self.expand = conv(cin, mid, 1) if expansion != 1 or expand_always else None
        self.dw = conv(mid, mid, k, stride, groups=mid)
        self.se = SqueezeExcite(mid, se_hidden) if se_hidden else None
        self.project = conv(mid, cout, 1)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.expand(x).relu() if self.expand is not None else x
        y = self.dw(y).relu()
        if self.se is not None:
            y = self.se(y)
        y = self.project(y)
        return x + y if self.residual else y


class SqueezeExcite(nn.Module):
    def __init__(self, channels, hidden):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, hidden, 1)
        self.fc2 = nn.Conv2d(hidden, channels, 1)

    def forward(self, x):
        s = self.fc2(self.fc1(x.mean((2, 3), keepdim=True)).relu()).sigmoid()
        return x * s


class Classifier(nn.Sequential):
    """Stem conv, blocks, 1x1 head conv (when head > 0), global average pool, Linear."""

    def __init__(self, stem, blocks, head, classes, cin=3, stem_stride=2):
        layers = [conv(cin, stem, 3, stem_stride), nn.ReLU()]
        c = stem
        for b in blocks:
            layers.append(b)
            c = b.project.out_channels
        if head:
            layers += [conv(c, head, 1), nn.ReLU()]
            c = head
        layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, classes)]
        super().__init__(*layers)


def fbnet_b():
    """FBNet-B (Wu et al., CVPR 2019) as Facebook's reference implementation defines it: maskrcnn-benchmark's
    modeling/backbone/fbnet_modeldef.py "fbnet_b" (block_op_type ir_kK_eE, block_cfg channels and strides) built by
    fbnet_builder.py's IRFBlock, which always has the 1x1 'pw' conv, also for expansion 1; "skip" blocks are
    identities. Head: 1x1 conv to 1984 (mobile-vision's fbnet_b), average pool, Linear 1000. The definition has no
    grouped convolutions (the _g2 blocks of the search space appear in FBNet-A only)."""
    cfg = [(1, 16, 1, 3),
           (6, 24, 2, 3), (1, 24, 1, 5), (1, 24, 1, 3), (1, 24, 1, 3),
           (6, 32, 2, 5), (3, 32, 1, 5), (6, 32, 1, 3), (6, 32, 1, 5),
           (6, 64, 2, 5), (1, 64, 1, 5), (3, 64, 1, 5),  # the skip block of stage 4 is an identity
           (6, 112, 1, 5), (1, 112, 1, 3), (1, 112, 1, 5), (3, 112, 1, 5),
           (6, 184, 2, 5), (1, 184, 1, 5), (6, 184, 1, 5), (6, 184, 1, 5),
           (6, 352, 1, 3)]
    blocks, c = [], 16
    for e, out, s, k in cfg:
        blocks.append(InvertedResidual(c, out, e, k, s, expand_always=True))
        c = out
    return Classifier(16, blocks, 1984, 1000)


def mnasnet_a1():
    """MnasNet-A1 (Tan et al., CVPR 2019, Figure 7) as TensorFlow's reference mnasnet_models.py defines it
    (mnasnet_a1 block strings): SepConv stem block, MBConv with squeeze-excite of max(1, int(block input x 0.25))
    channels; head 1x1 conv to 1280."""
    blocks_cfg = [(6, 24, 2, 3, 2, False), (3, 40, 2, 5, 3, True), (6, 80, 2, 3, 4, False),
                  (6, 112, 1, 3, 2, True), (6, 160, 2, 5, 3, True), (6, 320, 1, 3, 1, False)]
    stem = nn.Sequential(conv(3, 32, 3, 2), nn.ReLU(), conv(32, 32, 3, groups=32), nn.ReLU(), conv(32, 16, 1))
    layers, c = [stem], 16
    for e, out, s, k, n, se in blocks_cfg:
        for i in range(n):
            layers.append(InvertedResidual(c, out, e, k, s if i == 0 else 1, max(1, int(c * 0.25)) if se else 0))
            c = out
    layers += [conv(c, 1280, 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1280, 1000)]
    return nn.Sequential(*layers)


def toy():
    """The Toy network of examples/toy.hao, written as a PyTorch module (it is this project's own test network)."""

    class Toy(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = conv(3, 16, 3, 2)
            self.expand1 = conv(16, 32, 1)
            self.dw1 = conv(32, 32, 3, groups=32)
            self.project1 = conv(32, 16, 1)
            self.block2 = InvertedResidual(16, 24, 4, 3, 2)
            self.classifier = nn.Linear(24, 10)

        def forward(self, x):
            s = self.stem(x).relu()
            y = self.project1(self.dw1(self.expand1(s).relu()).relu()) + s
            y = self.block2(y)
            return self.classifier(y.mean((2, 3)))

    return Toy(), (1, 3, 32, 32)


def resnet50_v1():
    """ResNet-50 v1 as in Caffe (He et al., CVPR 2016; the Vitis AI model zoo's resnet50): torchvision's resnet50 with
    each down-sampling block's stride on its first 1x1 conv instead of its 3x3 conv (torchvision's is v1.5)."""
    model = torchvision.models.resnet50(weights=None)
    for layer in (model.layer2, model.layer3, model.layer4):
        block = layer[0]
        block.conv1.stride = (2, 2)
        block.conv2.stride = (1, 1)
    return model


# example file -> (source stated in the reference, builder returning a module or (module, input shape))
EXAMPLES = {
    "toy": ("examples/toy.hao's Toy written as torch.nn.Module", toy),
    "fbnet-b": ("maskrcnn-benchmark fbnet_modeldef 'fbnet_b' with IRFBlock (pw always present)", fbnet_b),
    "mobile-vs-fpga": ("torchvision.models.mobilenet_v2", lambda: torchvision.models.mobilenet_v2(weights=None)),
    "mobilenetv2-zu3eg": ("torchvision.models.mobilenet_v2", lambda: torchvision.models.mobilenet_v2(weights=None)),
    "mnasnet-a1": ("TensorFlow mnasnet_models.py mnasnet_a1 written as torch.nn.Module", mnasnet_a1),
    "efficientnet-b0": ("torchvision.models.efficientnet_b0",
                        lambda: torchvision.models.efficientnet_b0(weights=None)),
    "resnet50-zcu102": ("torchvision.models.resnet50 with v1 (Caffe) strides", resnet50_v1),
}


def main():
    out_dir = sys.argv[1]
    for name, (source, build) in EXAMPLES.items():
        torch.manual_seed(0)
        built = build()
        model, shape = built if isinstance(built, tuple) else (built, INPUT)
        model.eval()
        layers, output = references(model, shape)
        ref = {"example": name, "reference": source, "torch": torch.__version__,
               "torchvision": torchvision.__version__, "input": list(shape[1:]), "output": output, "layers": layers,
               "total_macs": sum(l["macs"] for l in layers), "total_weights": sum(l["weights"] for l in layers)}
        with open(f"{out_dir}/{name}.json", "w") as f:
            json.dump(ref, f, indent=1)
        print(f"{name:20s} {ref['total_macs'] / 1e6:9.2f} M MACs {ref['total_weights'] / 1e6:7.3f} M weights"
              f" {len(layers):4d} conv/linear layers  ({source})", flush=True)


if __name__ == "__main__":
    main()
