// TorchScript text and parameter tables of mlp, lstm and transformer.
// Initialisation follows LibTorch's own defaults: U(-1/sqrt(fan_in), ..) for
// linear layers, U(-1/sqrt(hidden), ..) for LSTM weights, ones/zeros for
// layer norms.
#include "ml/torch/network_spec.h"

#include <cmath>

namespace nocode::ml::torchnn {
namespace {

using Init = ParamSpec::Init;

std::string str(int64_t v) { return std::to_string(v); }

// prefix + number (appending avoids a GCC 12 -Wrestrict false positive).
std::string indexed(const char* prefix, int64_t i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

// Adds weight `w<name>` (out x in) and bias `b<name>` (out) of a linear layer.
void add_linear(NetworkSpec& spec, const std::string& weight, const std::string& bias, int64_t in,
                int64_t out) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(in));
  spec.params.push_back({weight, {out, in}, Init::kUniform, bound});
  spec.params.push_back({bias, {out}, Init::kUniform, bound});
}

const char* kStandardize = "    x = (x - self.feature_mean) / self.feature_std\n";
const char* kHead = "    return torch.matmul(h, self.w_out.t()) + self.b_out\n";

NetworkSpec mlp_spec(const NeuralOptions& o, int64_t features, int64_t outputs) {
  NetworkSpec spec;
  std::string s = "def forward(self, x):\n";
  s += kStandardize;
  s += "    h = x.reshape([x.size(0), -1])\n";
  int64_t in = o.window * features;
  for (int64_t l = 0; l < o.layers; ++l) {
    const std::string w = indexed("w", l), b = indexed("b", l);
    add_linear(spec, w, b, in, o.hidden_size);
    s += "    h = torch.relu(torch.matmul(h, self." + w + ".t()) + self." + b + ")\n";
    s += "    h = torch.dropout(h, self.dropout, self.training)\n";
    in = o.hidden_size;
  }
  add_linear(spec, "w_out", "b_out", in, outputs);
  spec.script = s + kHead;
  return spec;
}

NetworkSpec lstm_spec(const NeuralOptions& o, int64_t features, int64_t outputs) {
  NetworkSpec spec;
  const int64_t hidden = o.hidden_size;
  const double bound = 1.0 / std::sqrt(static_cast<double>(hidden));
  std::string weights;
  for (int64_t l = 0; l < o.layers; ++l) {
    const int64_t in = l == 0 ? features : hidden;
    const std::string n = str(l);
    spec.params.push_back({"w_ih" + n, {4 * hidden, in}, Init::kUniform, bound});
    spec.params.push_back({"w_hh" + n, {4 * hidden, hidden}, Init::kUniform, bound});
    spec.params.push_back({"b_ih" + n, {4 * hidden}, Init::kUniform, bound});
    spec.params.push_back({"b_hh" + n, {4 * hidden}, Init::kUniform, bound});
    if (l > 0) weights += ", ";
    weights += "self.w_ih" + n + ", self.w_hh" + n + ", self.b_ih" + n + ", self.b_hh" + n;
  }
  add_linear(spec, "w_out", "b_out", hidden, outputs);
  std::string s = "def forward(self, x):\n";
  s += kStandardize;
  s += "    h0 = torch.zeros([" + str(o.layers) + ", x.size(0), " + str(hidden) +
       "], dtype=x.dtype)\n";
  // aten::lstm(input, hx, params, has_biases, num_layers, dropout, train,
  //            bidirectional, batch_first) -> (output, h_n, c_n)
  s += "    out = torch.lstm(x, [h0, h0], [" + weights + "], True, " + str(o.layers) +
       ", self.dropout, self.training, False, True)\n";
  s += "    h = torch.dropout(out[0][:, -1], self.dropout, self.training)\n";
  spec.script = s + kHead;
  return spec;
}

// One post-norm encoder layer (self-attention, then feed-forward), as a
// method taking its weights so every layer shares one definition.
std::string encoder_layer_script(const NeuralOptions& o) {
  const std::string heads = str(o.heads), head_dim = str(o.d_model / o.heads), d = str(o.d_model);
  const std::string split = ".reshape([b, t, " + heads + ", " + head_dim + "]).transpose(1, 2)\n";
  std::string s =
      "def encoder_layer(self, h, wq, bq, wk, bk, wv, bv, wo, bo, n1w, n1b, w1, b1, w2, b2, "
      "n2w, n2b):\n"
      "    b = h.size(0)\n"
      "    t = h.size(1)\n";
  s += "    q = (torch.matmul(h, wq.t()) + bq)" + split;
  s += "    k = (torch.matmul(h, wk.t()) + bk)" + split;
  s += "    v = (torch.matmul(h, wv.t()) + bv)" + split;
  s += "    a = torch.softmax(torch.matmul(q, k.transpose(2, 3)) * self.attention_scale, -1)\n"
       "    a = torch.dropout(a, self.dropout, self.training)\n";
  s += "    o = torch.matmul(a, v).transpose(1, 2).reshape([b, t, " + d + "])\n";
  s += "    o = torch.matmul(o, wo.t()) + bo\n";
  s += "    h = torch.layer_norm(h + torch.dropout(o, self.dropout, self.training), [" + d +
       "], n1w, n1b, 1e-5)\n";
  s += "    f = torch.relu(torch.matmul(h, w1.t()) + b1)\n"
       "    f = torch.matmul(torch.dropout(f, self.dropout, self.training), w2.t()) + b2\n";
  s += "    return torch.layer_norm(h + torch.dropout(f, self.dropout, self.training), [" + d +
       "], n2w, n2b, 1e-5)\n\n";
  return s;
}

NetworkSpec transformer_spec(const NeuralOptions& o, int64_t features, int64_t outputs) {
  NetworkSpec spec;
  const int64_t d = o.d_model;
  add_linear(spec, "w_in", "b_in", features, d);
  spec.params.push_back({"position", {o.window, d}, Init::kUniform, 0.1});
  std::string s = encoder_layer_script(o);
  s += "def forward(self, x):\n";
  s += kStandardize;
  s += "    h = torch.matmul(x, self.w_in.t()) + self.b_in + self.position\n";
  for (int64_t l = 0; l < o.layers; ++l) {
    const std::string p = indexed("l", l) + "_";
    std::string args;
    for (const char* m : {"wq", "wk", "wv", "wo"}) {
      const std::string bias = std::string("b") + (m + 1);
      add_linear(spec, p + m, p + bias, d, d);
      args += ", self." + p + m + ", self." + p + bias;
    }
    spec.params.push_back({p + "n1w", {d}, Init::kOnes, 0});
    spec.params.push_back({p + "n1b", {d}, Init::kZeros, 0});
    add_linear(spec, p + "w1", p + "b1", d, o.hidden_size);
    add_linear(spec, p + "w2", p + "b2", o.hidden_size, d);
    spec.params.push_back({p + "n2w", {d}, Init::kOnes, 0});
    spec.params.push_back({p + "n2b", {d}, Init::kZeros, 0});
    args += ", self." + p + "n1w, self." + p + "n1b, self." + p + "w1, self." + p + "b1, self." +
            p + "w2, self." + p + "b2, self." + p + "n2w, self." + p + "n2b";
    s += "    h = self.encoder_layer(h" + args + ")\n";
  }
  add_linear(spec, "w_out", "b_out", d, outputs);
  s += "    h = h[:, -1]\n";
  spec.script = s + kHead;
  return spec;
}

}  // namespace

NetworkSpec network_spec(const NeuralOptions& options, int64_t features, int64_t outputs) {
  switch (options.arch) {
    case Architecture::kMlp:
      return mlp_spec(options, features, outputs);
    case Architecture::kLstm:
      return lstm_spec(options, features, outputs);
    case Architecture::kTransformer:
      return transformer_spec(options, features, outputs);
  }
  return {};
}

}  // namespace nocode::ml::torchnn
