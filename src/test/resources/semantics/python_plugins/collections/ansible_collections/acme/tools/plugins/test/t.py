class TestModule(object):
    def tests(self):
        return {'odd_len': lambda s: len(s) % 2 == 1}
