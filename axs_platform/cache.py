"""The Redis cache (sessions live there in production), keeping one Redis client per connection pool.

Django's Redis backend builds a new ``redis.Redis`` for every cache call, and each copies its table of
some two hundred response callbacks: a twentieth of a signed-in request's time went there. A client
is safe to share between threads (its pool hands out the connections), so one per pool is kept.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class PooledClientCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientCacheClient
