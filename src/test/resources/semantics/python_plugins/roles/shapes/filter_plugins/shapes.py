class FilterModule(object):
    def filters(self):
        return {'square': lambda n: n * n}
