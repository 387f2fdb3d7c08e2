// BufferPool: a released buffer is handed out again for the same size, the
// byte cap holds, and a pool with cap 0 keeps nothing.
#include "engine/buffer_pool.h"

#include <gtest/gtest.h>

#include <thread>

namespace nocode::engine {
namespace {

TEST(BufferPool, ReleasedBufferIsReusedForTheSameSize) {
  BufferPool pool(1 << 20);
  const double* first = nullptr;
  {
    auto a = pool.acquire(100);
    ASSERT_EQ(a->size(), 100u);
    first = a->data();
    (*a)[0] = 1.5;
  }
  EXPECT_EQ(pool.pooled_bytes(), 100 * sizeof(double));
  auto other = pool.acquire(50);  // another size: a new buffer
  EXPECT_NE(other->data(), first);
  auto b = pool.acquire(100);
  EXPECT_EQ(b->data(), first);
  EXPECT_EQ(pool.pooled_bytes(), 0u);
}

TEST(BufferPool, SharedOwnersReleaseOnceTheLastGoes) {
  BufferPool pool(1 << 20);
  std::shared_ptr<const std::vector<double>> reader;
  {
    auto a = pool.acquire(10);
    reader = a;
  }
  EXPECT_EQ(pool.pooled_bytes(), 0u);  // still held by `reader`
  reader.reset();
  EXPECT_EQ(pool.pooled_bytes(), 10 * sizeof(double));
}

TEST(BufferPool, CapLimitsWhatIsKept) {
  BufferPool pool(150 * sizeof(double));
  {
    auto a = pool.acquire(100);
    auto b = pool.acquire(100);
  }
  EXPECT_EQ(pool.pooled_bytes(), 100 * sizeof(double));  // the second did not fit
  pool.set_max_bytes(0);
  { auto c = pool.acquire(7); }
  EXPECT_EQ(pool.pooled_bytes(), 100 * sizeof(double));  // the 7 was not kept
  pool.clear();
  EXPECT_EQ(pool.pooled_bytes(), 0u);
}

TEST(BufferPool, ManyThreads) {
  BufferPool pool(1 << 20);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&pool, t] {
      for (int i = 0; i < 500; ++i) {
        auto a = pool.acquire(16 + (i % 3));
        (*a)[0] = t;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_LE(pool.pooled_bytes(), size_t(1) << 20);
}

}  // namespace
}  // namespace nocode::engine
